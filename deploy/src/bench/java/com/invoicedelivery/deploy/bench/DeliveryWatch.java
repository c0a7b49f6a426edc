package com.invoicedelivery.deploy.bench;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import com.invoicedelivery.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells when every send of a pass has its outcome, from mail-dispatch's reports on the bus ({@link
 * Topics#DELIVERY_STATUS}, read as the tests' reader from where the topic ended when the watch was opened), instead
 * of asking invoice-service for each send again and again: that polling (4 threads, a {@code GET /api/sends/{id}}
 * every 250 ms each) was a quarter of invoice-service's CPU per invoice, and part of the launcher's, and so slowed
 * what it measured. Each send's SENT time is still read from its timeline, once, after the watch says it is done.
 */
final class DeliveryWatch implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Outcomes that end a recipient's delivery; DEFERRED and OUTCOME_UNKNOWN are followed by another attempt. */
    private static final Set<String> FINAL = Set.of("SENT", "FAILED");

    private final KafkaConsumer<String, String> consumer;

    /** Starts watching at the topic's current end: only reports made from now on count. */
    DeliveryWatch(Properties readerProperties) {
        consumer = new KafkaConsumer<>(readerProperties, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.DELIVERY_STATUS).stream()
                .map(partition -> new TopicPartition(partition.topic(), partition.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // the seek is lazy: fix the start now, before any send is made
    }

    /**
     * Waits until each of {@code sendIds} (one recipient each) has a final outcome on the bus, or the deadline;
     * answers how many have one.
     */
    int awaitOutcomes(String tenantId, Collection<String> sendIds, long deadlineNanos) {
        Set<String> waiting = new HashSet<>(sendIds);
        while (!waiting.isEmpty() && System.nanoTime() < deadlineNanos) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                JsonNode event = JSON.readTree(record.value());
                if (tenantId.equals(event.path("tenantId").asText())
                        && FINAL.contains(event.path("status").asText())) {
                    waiting.remove(event.path("sendId").asText());
                }
            }
        }
        return sendIds.size() - waiting.size();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
