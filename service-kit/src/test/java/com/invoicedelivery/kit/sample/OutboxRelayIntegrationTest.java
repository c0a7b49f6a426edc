package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.BsonDocument;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.context.TestPropertySource;

/**
 * The outbox relay on the embedded store and the embedded Kafka broker: relays built here, on collections of their
 * own, so the sample service's relay stays out of it.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = "spring.application.name=kit-sample")
class OutboxRelayIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final OutboxRelay.Settings SETTINGS =
            new OutboxRelay.Settings(Duration.ofMillis(200), Duration.ofSeconds(60), 3);

    /** This context's broker: the brokers property is a system property, which a later context's broker replaces. */
    @Autowired
    EmbeddedKafkaBroker kafka;
    @Value("${spring.mongodb.uri}")
    String mongoUri;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    StreamBridge bridge;

    private final String collection = "things_" + UUID.randomUUID().toString().replace("-", "");
    private final String topic = "kit.outbox-" + UUID.randomUUID();
    private final List<OutboxRelay> started = new ArrayList<>();

    @AfterEach
    void stopRelays() {
        started.forEach(OutboxRelay::stop);
    }

    @Test
    void theBacklogCountsPendingDocumentsAndDatesTheirOldestEntryThroughThePendingIndex() {
        OutboxRelay relay = relay(bridge::send);
        assertThat(relay.backlog(collection, 10)).isEqualTo(new OutboxRelay.Backlog(0, null));
        OutboxEntry older = new OutboxEntry(UUID.randomUUID().toString(), topic, "b", "SampleHappened", "acme",
                Instant.parse("2026-12-06T09:00:00Z"), 1, "{}");
        insert("a", List.of(entry("a")));
        insert("b", List.of(entry("b"), older));

        // the strict store refuses any query no index serves: this passing is the "no collection scan" check
        assertThat(relay.backlog(collection, 10))
                .isEqualTo(new OutboxRelay.Backlog(2, Instant.parse("2026-12-06T09:00:00Z")));
    }

    @Test
    void aDocumentsEntriesArePublishedInOrderAndRemovedAndItsFlagIsCleared() {
        OutboxRelay relay = relay(bridge::send);
        List<OutboxEntry> entries = List.of(entry("a"), entry("a"), entry("a"));
        insert("a", entries);
        assertThat(stored("a")).containsEntry(OutboxDocuments.PENDING, true);

        assertThat(relay.relayDocument(collection, "a")).isEqualTo(3);

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic)) {
            assertThat(eventIdsOf(awaitRecords(probe, 3), "a")).containsExactlyElementsOf(ids(entries));
        }
        assertThat(stored("a").getList(OutboxEntry.FIELD, Document.class)).isEmpty();
        assertThat(stored("a")).doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE);
    }

    @Test
    void anEntryPushedWhileTheRelayPublishesKeepsItsFlagAndGoesOutNextUnderTheSameLease() {
        OutboxEntry first = entry("b");
        OutboxEntry racing = entry("b");
        AtomicBoolean pushed = new AtomicBoolean();
        OutboxRelay relay = relay((destination, message) -> {
            if (pushed.compareAndSet(false, true)) {
                // a writer adds an entry after the relay read the document, before it removed what it published
                mongo.updateFirst(query(where("_id").is("b")), OutboxDocuments.push(new Update().set("state", "later"),
                        stored(racing)), collection);
                assertThat(stored("b")).containsEntry(OutboxDocuments.PENDING, true);
            }
            return bridge.send(destination, message);
        });
        insert("b", List.of(first));

        assertThat(relay.relayDocument(collection, "b")).isEqualTo(2);

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic)) {
            assertThat(eventIdsOf(awaitRecords(probe, 2), "b")).containsExactly(first.eventId(), racing.eventId());
        }
        assertThat(stored("b").getList(OutboxEntry.FIELD, Document.class)).isEmpty();
        assertThat(stored("b")).doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE)
                .containsEntry("state", "later");
    }

    @Test
    void anEntryPushedAfterTheRelayEmptiedTheOutboxFlagsTheDocumentAgain() {
        OutboxRelay relay = relay(bridge::send);
        insert("c", List.of(entry("c")));
        relay.relayDocument(collection, "c");

        mongo.updateFirst(query(where("_id").is("c")), OutboxDocuments.push(new Update(), stored(entry("c"))),
                collection);

        assertThat(stored("c")).containsEntry(OutboxDocuments.PENDING, true);
        assertThat(relay.relayPending()).isEqualTo(1);
        assertThat(stored("c")).doesNotContainKey(OutboxDocuments.PENDING);
    }

    @Test
    void twoRelaysOnOneDatabasePublishEveryEntryExactlyOnceAndEachDocumentsInOrder() throws Exception {
        OutboxRelay one = relay(bridge::send);
        OutboxRelay other = relay(bridge::send);
        Map<String, List<OutboxEntry>> documents = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            String id = "d" + i;
            documents.put(id, List.of(entry(id), entry(id), entry(id)));
            insert(id, documents.get(id));
        }
        List<String> forwards = new ArrayList<>(documents.keySet());
        List<String> backwards = new ArrayList<>(forwards);
        Collections.reverse(backwards);

        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> byOne = replicas.submit(() -> kickedThenPolled(one, forwards));
            Future<Integer> byOther = replicas.submit(() -> kickedThenPolled(other, backwards));
            assertThat(byOne.get(60, TimeUnit.SECONDS) + byOther.get(60, TimeUnit.SECONDS)).isEqualTo(36);
        } finally {
            replicas.shutdownNow();
        }

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic)) {
            awaitRecords(probe, 36);
            List<ConsumerRecord<String, String>> all = probe.drain(Duration.ofSeconds(1)); // a duplicate is here by now
            assertThat(all).hasSize(36);
            documents.forEach((id, entries) ->
                    assertThat(eventIdsOf(all, id)).as(id).containsExactlyElementsOf(ids(entries)));
        }
        documents.keySet().forEach(id -> assertThat(stored(id)).as(id)
                .doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE));
    }

    @Test
    void theEntriesOfARelayThatCrashedHoldingALeaseArePublishedByAnotherOnceTheLeaseHasRunOut() {
        OutboxRelay survivor = relay(bridge::send);
        OutboxEntry entry = entry("e");
        insert("e", List.of(entry));
        leaseTo("e", "crashed-replica", Instant.now().plusSeconds(3600));

        assertThat(survivor.relayDocument(collection, "e")).as("held by the other").isZero();
        assertThat(survivor.relayPending()).as("held by the other").isZero();

        leaseTo("e", "crashed-replica", Instant.now().minusSeconds(1));
        assertThat(survivor.relayPending()).isEqualTo(1);

        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic)) {
            assertThat(eventIdsOf(awaitRecords(probe, 1), "e")).containsExactly(entry.eventId());
        }
        assertThat(stored("e")).doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE);
    }

    @Test
    void theRecoveryPollPublishesAnEntryWhoseKickWasLost() {
        OutboxRelay relay = relay(bridge::send);
        relay.start();
        started.add(relay);
        OutboxEntry entry = entry("f");

        insert("f", List.of(entry)); // and nobody kicks

        // the probe reads once the poll has published: a probe first would create the topic with one partition
        // (see ServiceKitIntegrationTest)
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(stored("f"))
                .doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE));
        try (TopicProbe probe = new TopicProbe(kafka.getBrokersAsString(), topic)) {
            assertThat(probe.await(record -> record.key().equals("f"), PATIENCE).headers()
                    .lastHeader(CloudEventHeaders.ID).value()).asString().isEqualTo(entry.eventId());
        }
    }

    @Test
    void aFailedPublishKeepsTheEntryAndItsLaterOnesAndHoldsTheLeaseSoNobodyPublishesOutOfOrder() {
        OutboxRelay failing = relay((destination, message) -> false);
        OutboxRelay other = relay(bridge::send);
        insert("g", List.of(entry("g"), entry("g")));

        assertThatThrownBy(() -> failing.relayDocument(collection, "g")).isInstanceOf(IllegalStateException.class);

        assertThat(stored("g").getList(OutboxEntry.FIELD, Document.class)).hasSize(2);
        assertThat(stored("g")).containsEntry(OutboxDocuments.PENDING, true);
        assertThat(stored("g").get(OutboxDocuments.LEASE, Document.class)).containsEntry("owner", failing.owner());
        assertThat(other.relayPending()).isZero();
    }

    @Test
    void atRestThePollOnlyLooksUpPendingDocumentsUnleasedByTheIndex() {
        List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient client = watchedClient(commands)) {
            OutboxRelay relay = relayThrough(client);
            relay.createIndexes();
            IntStream.range(0, 20).forEach(i -> insert("quiet" + i, List.of()));
            insert("done", List.of(entry("done")));
            relay.relayDocument(collection, "done");
            commands.clear();

            for (int poll = 0; poll < 3; poll++) {
                assertThat(relay.relayPending()).isZero();
            }

            assertThat(commands).hasSize(3).allSatisfy(find -> {
                assertThat(find.getFirstKey()).isEqualTo("find");
                assertThat(find.getString("find").getValue()).isEqualTo(collection);
                BsonDocument filter = find.getDocument("filter");
                assertThat(filter.keySet()).containsExactly(OutboxDocuments.PENDING, "$or");
                assertThat(filter.getBoolean(OutboxDocuments.PENDING).getValue()).isTrue();
                assertThat(find.getInt32("limit").getValue()).isEqualTo(SETTINGS.batchSize());
            });
            assertThat(mongo.indexOps(collection).getIndexInfo()).map(IndexInfo::getName)
                    .contains(OutboxDocuments.PENDING_INDEX);
            assertThat(mongo.indexOps(collection).getIndexInfo()).filteredOn(index ->
                    index.getName().equals(OutboxDocuments.PENDING_INDEX)).singleElement()
                    .satisfies(index -> assertThat(index.getIndexFields()).singleElement()
                            .satisfies(field -> assertThat(field.getKey()).isEqualTo(OutboxDocuments.PENDING)));
        }
    }

    @Test
    void aDocumentWithOneEntryCostsItsClaimAndOneWriteThatRemovesTheEntryAndClearsTheFlag() {
        List<BsonDocument> commands = Collections.synchronizedList(new ArrayList<>());
        try (MongoClient client = watchedClient(commands)) {
            OutboxRelay relay = relayThrough(client);
            insert("single", List.of(entry("single")));
            commands.clear();

            assertThat(relay.relayDocument(collection, "single")).isEqualTo(1);

            assertThat(commands).extracting(BsonDocument::getFirstKey).containsExactly("findAndModify", "update");
            assertThat(commands.get(0).getDocument("fields").keySet())
                    .containsExactly(OutboxEntry.FIELD);
        }
        assertThat(stored("single").getList(OutboxEntry.FIELD, Document.class)).isEmpty();
        assertThat(stored("single")).doesNotContainKeys(OutboxDocuments.PENDING, OutboxDocuments.LEASE)
                .containsEntry("state", "new");
    }

    /** A relay whose store commands go through {@code client}. */
    private OutboxRelay relayThrough(MongoClient client) {
        MongoTemplate through = new MongoTemplate(client, new ConnectionString(mongoUri).getDatabase());
        return new OutboxRelay(through, bridge::send, List.of(collection), "test", SETTINGS, Clock.systemUTC());
    }

    /** A client that copies each command it sends into {@code commands} (the driver reuses the one it hands over). */
    private MongoClient watchedClient(List<BsonDocument> commands) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(mongoUri))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        commands.add(event.getCommand().clone());
                    }
                }).build());
    }

    /** What a replica does: relays the documents it was kicked for, then polls for what is left. */
    private int kickedThenPolled(OutboxRelay relay, List<String> ids) {
        int published = 0;
        for (String id : ids) {
            published += relay.relayDocument(collection, id);
        }
        return published + relay.relayPending();
    }

    private OutboxRelay relay(OutboxRelay.Publisher publisher) {
        OutboxRelay relay = new OutboxRelay(mongo, publisher, List.of(collection), "/invoice-delivery/kit-sample",
                SETTINGS, Clock.systemUTC());
        relay.createIndexes();
        return relay;
    }

    private OutboxEntry entry(String key) {
        return new OutboxEntry(UUID.randomUUID().toString(), topic, key, "SampleHappened", "acme",
                Instant.parse("2026-12-06T10:00:00Z"), 1, "{\"key\":\"" + key + "\"}");
    }

    private void insert(String id, List<OutboxEntry> entries) {
        Document document = new Document("_id", id).append("state", "new")
                .append(OutboxEntry.FIELD, entries.stream().map(this::stored).toList());
        assertThat(OutboxDocuments.insertIfAbsent(mongo, document, collection)).isTrue();
    }

    private Document stored(OutboxEntry entry) {
        Document document = new Document();
        mongo.getConverter().write(entry, document);
        return document;
    }

    private Document stored(String id) {
        return mongo.findById(id, Document.class, collection);
    }

    private void leaseTo(String id, String owner, Instant until) {
        mongo.updateFirst(query(where("_id").is(id)), new Update().set(OutboxDocuments.LEASE,
                new Document("owner", owner).append("until", Date.from(until))), collection);
    }

    private static List<ConsumerRecord<String, String>> awaitRecords(TopicProbe probe, int count) {
        List<ConsumerRecord<String, String>> seen = List.of();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (seen.size() < count && System.nanoTime() < deadline) {
            seen = probe.drain(Duration.ofMillis(300));
        }
        return seen;
    }

    private static List<String> eventIdsOf(List<ConsumerRecord<String, String>> records, String key) {
        return records.stream().filter(record -> record.key().equals(key))
                .map(record -> TopicProbe.header(record, CloudEventHeaders.ID)).toList();
    }

    private static List<String> ids(List<OutboxEntry> entries) {
        return entries.stream().map(OutboxEntry::eventId).collect(Collectors.toList());
    }
}
