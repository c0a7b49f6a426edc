package com.invoicedelivery.deploy.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Scenario 10's fault: bad records on every topic a service consumes, each written as the topic's owner (the only
 * principal allowed to), and copies of valid records of the scenario's own sends published again as they were
 * (same key, value and headers, so the same CloudEvents id), as a producer retrying after a lost acknowledgement
 * would. Every bad record has a key of its own, so that each consumer's dead-letter topic can be searched for it.
 */
final class TopicFlood {

    /** The topics the services consume, with the owner that writes them and the event type they carry. */
    private record Input(String topic, String owner, String type) {
    }

    private static final List<Input> INPUTS = List.of(
            new Input(Topics.SEND_REQUESTED, BusPermissions.INVOICE_SERVICE, "InvoiceSendRequested"),
            new Input(Topics.DOCUMENT_READY, BusPermissions.PDF_SERVICE, "InvoiceDocumentReady"),
            new Input(Topics.RENDER_FAILED, BusPermissions.PDF_SERVICE, "InvoiceRenderFailed"),
            new Input(Topics.DELIVERY_STATUS, BusPermissions.MAIL_DISPATCH_SERVICE, "EmailDeliveryStatusChanged"),
            new Input(Topics.TRACKING_EVENTS, BusPermissions.TRACKING_SERVICE, "ClientActivityRecorded"),
            new Input(Topics.LINK_RENEWAL_REQUESTED, BusPermissions.TRACKING_SERVICE, "LinkRenewalRequested"),
            new Input(Topics.IMPORT_REQUESTED, BusPermissions.IMPORTER, "InvoiceImportRequested"));

    /** The valid records copied: these carry a whole send's way through the pipeline. */
    private static final Set<String> DUPLICATED = Set.of(Topics.SEND_REQUESTED, Topics.DOCUMENT_READY,
            Topics.DELIVERY_STATUS);

    /** Bad bodies: broken JSON, not JSON, the wrong shape, an unknown field, oversized, no body at all. */
    private static final List<String> BAD_BODIES = List.of("{", "not json at all \u0000", "[]", "{}",
            "{\"eventId\":\"x\",\"unexpected\":{\"deep\":[1,2,3]}}", "{\"padding\":\"" + "Щ".repeat(200_000) + "\"}");

    private final LocalPlatform platform;
    private final String runKey;
    /** Each bad record's key → the dead-letter topics it must reach (one per consumer of its topic). */
    private final Map<String, List<String>> expected = new LinkedHashMap<>();
    private int duplicated;
    private Map<TopicPartition, Long> deadLetterStarts = Map.of();

    TopicFlood(LocalPlatform platform, String runKey) {
        this.platform = platform;
        this.runKey = runKey;
    }

    /** Where the dead-letter topics end now: only what comes after counts. */
    void markDeadLetters() {
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            List<TopicPartition> partitions = deadLetterPartitions(consumer);
            deadLetterStarts = consumer.endOffsets(partitions);
        }
    }

    /** {@code rounds} × every bad body on every input topic, with and without CloudEvents headers. */
    int flood(int rounds) {
        int sent = 0;
        for (Input input : INPUTS) {
            List<String> deadLetterTopics = BusPermissions.grants().stream()
                    .flatMap(grant -> grant.consumes().stream())
                    .filter(consumption -> consumption.topic().equals(input.topic()))
                    .map(BusPermissions.Consumption::deadLetterTopic).toList();
            try (KafkaProducer<byte[], byte[]> producer = producer(input.owner())) {
                for (int round = 0; round < rounds; round++) {
                    for (int body = 0; body < BAD_BODIES.size(); body++) {
                        for (boolean withHeaders : new boolean[] {true, false}) {
                            String key = "faults-bad-" + runKey + "-" + input.topic() + "-" + round + "-" + body
                                    + (withHeaders ? "-ce" : "-bare");
                            RecordHeaders headers = new RecordHeaders();
                            if (withHeaders) {
                                headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
                                headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
                                headers.add(CloudEventHeaders.SOURCE, bytes("/faults"));
                                headers.add(CloudEventHeaders.TYPE, bytes(CloudEventHeaders.TYPE_PREFIX + input.type()));
                                headers.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
                                headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
                            }
                            producer.send(new ProducerRecord<>(input.topic(), null, bytes(key),
                                    bytes(BAD_BODIES.get(body)), headers));
                            expected.put(key, deadLetterTopics);
                            sent++;
                        }
                    }
                }
                producer.flush();
            }
        }
        return sent;
    }

    /** Up to {@code count} records of each duplicated topic whose tenant starts with the prefix, published again. */
    int duplicate(String tenantPrefix, int count) {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> found = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : DUPLICATED) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(
                        new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (System.nanoTime() < deadline
                    && partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header tenant = record.headers().lastHeader(CloudEventHeaders.TENANT);
                    List<ConsumerRecord<byte[], byte[]>> list = found.computeIfAbsent(record.topic(),
                            topic -> new ArrayList<>());
                    if (tenant != null && new String(tenant.value(), StandardCharsets.UTF_8).startsWith(tenantPrefix)
                            && list.size() < count) {
                        list.add(record);
                    }
                }
            }
        }
        for (Map.Entry<String, List<ConsumerRecord<byte[], byte[]>>> topic : found.entrySet()) {
            String owner = INPUTS.stream().filter(input -> input.topic().equals(topic.getKey())).findFirst()
                    .orElseThrow().owner();
            try (KafkaProducer<byte[], byte[]> producer = producer(owner)) {
                for (ConsumerRecord<byte[], byte[]> record : topic.getValue()) {
                    producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(),
                            record.headers()));
                    duplicated++;
                }
                producer.flush();
            }
        }
        return duplicated;
    }

    /**
     * The dead-letter topics read from the mark to their end.
     *
     * @return figures: bad records sent, found in every dead-letter topic they should reach (with a reason), missing,
     *         dead letters without a reason, other dead letters (not bad records of this run)
     */
    Map<String, Object> deadLetters(Duration timeout) {
        Map<String, Set<String>> keysByTopic = new HashMap<>();
        int withoutReason = 0;
        int others = 0;
        List<String> reasons = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        int missing = Integer.MAX_VALUE;
        // bounded: read again until every bad record is where it belongs or the time is up
        while (missing > 0 && System.nanoTime() < deadline) {
            keysByTopic.clear();
            withoutReason = 0;
            others = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = reader()) {
                List<TopicPartition> partitions = deadLetterPartitions(consumer);
                consumer.assign(partitions);
                partitions.forEach(partition -> consumer.seek(partition, deadLetterStarts.getOrDefault(partition, 0L)));
                Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
                long readDeadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                while (System.nanoTime() < readDeadline && partitions.stream()
                        .anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                        String key = record.key() == null ? "" : new String(record.key(), StandardCharsets.UTF_8);
                        Header reason = record.headers().lastHeader("x-exception-message");
                        if (reason == null || reason.value().length == 0) {
                            withoutReason++;
                        } else if (reasons.size() < 6 && key.startsWith("faults-bad-")) {
                            String text = new String(reason.value(), StandardCharsets.UTF_8);
                            reasons.add(record.topic() + ": " + (text.length() > 160 ? text.substring(0, 160) + "…"
                                    : text));
                        }
                        if (key.startsWith("faults-bad-" + runKey + "-")) {
                            keysByTopic.computeIfAbsent(record.topic(), topic -> new java.util.HashSet<>()).add(key);
                        } else {
                            others++;
                        }
                    }
                }
            }
            missing = 0;
            for (Map.Entry<String, List<String>> bad : expected.entrySet()) {
                for (String topic : bad.getValue()) {
                    if (!keysByTopic.getOrDefault(topic, Set.of()).contains(bad.getKey())) {
                        missing++;
                    }
                }
            }
            if (missing > 0) {
                Waiting.pause(Duration.ofSeconds(5));
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("badRecordsSent", expected.size());
        figures.put("deadLettersExpected", expected.values().stream().mapToInt(List::size).sum());
        figures.put("deadLettersOfBadRecords", keysByTopic.values().stream().mapToInt(Set::size).sum());
        figures.put("badRecordsNotDeadLettered", missing);
        figures.put("deadLettersWithoutReason", withoutReason);
        figures.put("otherDeadLetters", others);
        figures.put("validRecordsPublishedTwice", duplicated);
        figures.put("sampleReasons", reasons);
        return figures;
    }

    private List<TopicPartition> deadLetterPartitions(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        BusPermissions.grants().stream().flatMap(grant -> grant.consumes().stream())
                .map(BusPermissions.Consumption::deadLetterTopic).distinct()
                .forEach(topic -> consumer.partitionsFor(topic).forEach(info -> partitions.add(
                        new TopicPartition(info.topic(), info.partition()))));
        return partitions;
    }

    private KafkaConsumer<byte[], byte[]> reader() {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer(String principal) {
        Properties properties = new Properties();
        properties.putAll(platform.kafka().clientProperties(principal));
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 2_000_000);
        return new KafkaProducer<>(properties, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
