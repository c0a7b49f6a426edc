package com.invoicedelivery.kit.deadletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Counts the dead letters waiting on every binding through one admin client the service keeps open: a few
 * requests on one authenticated connection, however many bindings. (A consumer opened per count, as the replay
 * does, costs a connection and a SASL handshake on both sides each time; on a schedule, that was a large part of
 * an idle service's CPU.) Thread-safe, as the admin client is.
 */
final class DeadLetterCounts implements AutoCloseable {

    private static final long ANSWER_SECONDS = 10;

    private final KafkaClientSettings kafka;
    private Admin admin;

    DeadLetterCounts(KafkaClientSettings kafka) {
        this.kafka = kafka;
    }

    /** Per binding name: the records on its dead-letter topic after those its replay group has replayed. */
    Map<String, Long> waiting(List<DeadLetterBinding> bindings) {
        Admin client = admin();
        Map<String, List<TopicPartition>> partitions = partitions(client, bindings);
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<String, ListConsumerGroupOffsetsSpec> groups = new HashMap<>();
        for (DeadLetterBinding binding : bindings) {
            List<TopicPartition> topicPartitions = partitions.get(binding.deadLetterTopic());
            if (topicPartitions.isEmpty()) {
                continue;
            }
            topicPartitions.forEach(partition -> {
                earliest.put(partition, OffsetSpec.earliest());
                latest.put(partition, OffsetSpec.latest());
            });
            groups.computeIfAbsent(binding.replayGroup(), group -> new ListConsumerGroupOffsetsSpec()
                    .topicPartitions(new ArrayList<>()))
                    .topicPartitions().addAll(topicPartitions);
        }
        Map<TopicPartition, Long> oldest = offsets(client.listOffsets(earliest));
        Map<TopicPartition, Long> ends = offsets(client.listOffsets(latest));
        Map<String, Map<TopicPartition, OffsetAndMetadata>> replayed = groups.isEmpty() ? Map.of()
                : answer(client.listConsumerGroupOffsets(groups).all());
        Map<String, Long> waiting = new HashMap<>();
        for (DeadLetterBinding binding : bindings) {
            long count = 0;
            Map<TopicPartition, OffsetAndMetadata> committed = replayed.getOrDefault(binding.replayGroup(), Map.of());
            for (TopicPartition partition : partitions.get(binding.deadLetterTopic())) {
                OffsetAndMetadata done = committed.get(partition);
                long next = done == null ? oldest.get(partition) : Math.max(done.offset(), oldest.get(partition));
                count += Math.max(0, ends.get(partition) - next);
            }
            waiting.put(binding.binding(), count);
        }
        return waiting;
    }

    /** Each dead-letter topic's partitions; none for a topic that does not exist (nothing ever failed there). */
    private static Map<String, List<TopicPartition>> partitions(Admin client, List<DeadLetterBinding> bindings) {
        Map<String, List<TopicPartition>> partitions = new HashMap<>();
        Map<String, KafkaFuture<TopicDescription>> described = client.describeTopics(
                bindings.stream().map(DeadLetterBinding::deadLetterTopic).distinct().toList()).topicNameValues();
        described.forEach((topic, description) -> {
            try {
                partitions.put(topic, answer(description).partitions().stream()
                        .map(partition -> new TopicPartition(topic, partition.partition())).toList());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
                partitions.put(topic, List.of());
            }
        });
        return partitions;
    }

    private static Map<TopicPartition, Long> offsets(ListOffsetsResult result) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        answer(result.all()).forEach((partition, info) -> offsets.put(partition, info.offset()));
        return offsets;
    }

    private static <T> T answer(KafkaFuture<T> future) {
        try {
            return future.get(ANSWER_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while counting dead letters", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka did not answer the dead-letter count: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer the dead-letter count within " + ANSWER_SECONDS
                    + " s", e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafka.admin());
        }
        return admin;
    }

    @Override
    public synchronized void close() {
        if (admin != null) {
            admin.close();
            admin = null;
        }
    }
}
