package com.invoicedelivery.kit.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;

/**
 * One binding's dead-letter topic as its replay group sees it: the offsets the group committed mark what has been
 * replayed, everything after them waits. The consumer is assigned every partition itself (no group membership,
 * no rebalance): it only reads and, when told, commits.
 */
final class DeadLetterTopic implements AutoCloseable {

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(10);

    private final Consumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions;

    /** Takes over {@code consumer}, configured with the binding's replay group; a topic that does not exist is empty. */
    DeadLetterTopic(Consumer<byte[], byte[]> consumer, String topic) {
        this.consumer = consumer;
        List<PartitionInfo> found = consumer.partitionsFor(topic);
        this.partitions = found == null ? List.of() : found.stream()
                .map(partition -> new TopicPartition(topic, partition.partition()))
                .toList();
        consumer.assign(partitions);
    }

    /** How many records are on the topic after the replayed ones. */
    long waiting() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> next = nextToReplay();
        return partitions.stream().mapToLong(partition -> Math.max(0, ends.get(partition) - next.get(partition))).sum();
    }

    /**
     * Up to {@code max} waiting records, in order within each partition. Only what is on the topic now: a record
     * that arrives meanwhile (such as a replayed one that failed again) waits for the next replay.
     */
    List<ConsumerRecord<byte[], byte[]>> readWaiting(int max) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        nextToReplay().forEach(consumer::seek);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + READ_LIMIT.toNanos();
        while (records.size() < max && !reached(ends) && System.nanoTime() < deadline) {
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                // per partition the records taken stay a prefix: what they are committed up to is all replayed
                if (records.size() < max && record.offset() < ends.get(partitionOf(record))) {
                    records.add(record);
                }
            }
        }
        return records;
    }

    /** Commits the replay group's offsets: these records are not replayed again. */
    void markReplayed(Map<TopicPartition, OffsetAndMetadata> nextOffsets) {
        consumer.commitSync(nextOffsets);
    }

    static TopicPartition partitionOf(ConsumerRecord<?, ?> record) {
        return new TopicPartition(record.topic(), record.partition());
    }

    /** Per partition: after the last replayed record, or the oldest record the topic still keeps. */
    private Map<TopicPartition, Long> nextToReplay() {
        Map<TopicPartition, Long> oldest = consumer.beginningOffsets(partitions);
        Map<TopicPartition, OffsetAndMetadata> replayed = consumer.committed(Set.copyOf(partitions));
        Map<TopicPartition, Long> next = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata committed = replayed.get(partition);
            long start = oldest.get(partition);
            next.put(partition, committed == null ? start : Math.max(committed.offset(), start));
        }
        return next;
    }

    private boolean reached(Map<TopicPartition, Long> ends) {
        return partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
