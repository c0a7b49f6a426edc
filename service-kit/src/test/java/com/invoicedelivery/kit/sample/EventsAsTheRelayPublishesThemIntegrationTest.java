package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.SchemaVersions;
import com.invoicedelivery.events.contract.EventContract;
import com.invoicedelivery.events.contract.EventSamples;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * Every event type of the platform, written to an outbox with the services' own JSON settings (the kit's
 * {@link OutboxEntries}) and published by the outbox relay to a real broker, reads back as docs/api/asyncapi.yaml says:
 * its topic, headers, key and value. Each type twice: with every field, and with only its required ones. (The import
 * batch is an importer's to write; kit.messaging.EventContractCheckTest checks it against the document.)
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.application.name=kit-sample")
class EventsAsTheRelayPublishesThemIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    EmbeddedKafkaBroker kafka;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StreamBridge bridge;
    @Autowired
    OutboxEntries outbox;

    private final String collection = "contract_" + UUID.randomUUID().toString().replace("-", "");

    @Test
    void everyEventTypeIsPublishedAsTheAsyncApiDocumentSaysWithAllItsFieldsAndWithOnlyTheRequiredOnes() {
        Map<String, List<String>> publishedByTopic = new LinkedHashMap<>();
        List<Class<? extends IntegrationEvent>> published = SchemaVersions.eventTypes().stream()
                .filter(type -> !EventContract.channelOf(type).externalInput()).toList();
        for (Class<? extends IntegrationEvent> type : published) {
            EventContract.Channel channel = EventContract.channelOf(type);
            OutboxRelay relay = new OutboxRelay(mongo, bridge::send, List.of(collection),
                    "/invoice-delivery/" + channel.producer(), new OutboxRelay.Settings(Duration.ofMinutes(1),
                    Duration.ofSeconds(60), 10), Clock.systemUTC());
            relay.createIndexes();
            for (EventSamples.Fill fill : EventSamples.Fill.values()) {
                OutboxEntry entry = outbox.of(EventSamples.sample(type, fill), channel.topic());
                String id = type.getSimpleName() + "-" + fill;
                Document document = new Document("_id", id).append(OutboxEntry.FIELD, List.of(stored(entry)));
                assertThat(OutboxDocuments.insertIfAbsent(mongo, document, collection)).isTrue();
                assertThat(relay.relayDocument(collection, id)).isEqualTo(1);
                publishedByTopic.computeIfAbsent(channel.topic(), topic -> new ArrayList<>()).add(id);
            }
        }

        EventContractCheck contract = EventContractCheck.committed();
        // every event but the import batch, which importers write, not the relay
        assertThat(publishedByTopic).hasSize(EventContract.CHANNELS.size() - 1);
        for (Map.Entry<String, List<String>> topic : publishedByTopic.entrySet()) {
            try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic.getKey())) {
                List<ConsumerRecord<String, String>> records = awaitRecords(probe, topic.getValue().size());
                assertThat(records).as(topic.getKey()).hasSameSizeAs(topic.getValue());
                for (ConsumerRecord<String, String> record : records) {
                    assertThat(contract.violations(record)).as(record.topic() + " " + record.value()).isEmpty();
                }
            }
        }
    }

    private Document stored(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(TopicProbe probe, int count) {
        List<ConsumerRecord<String, String>> seen = List.of();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            seen = probe.drain(Duration.ofMillis(300));
        }
        return seen;
    }
}
