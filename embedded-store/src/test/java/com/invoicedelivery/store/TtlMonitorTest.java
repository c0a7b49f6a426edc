package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.bson.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The embedded store expires what a TTL index says, as MongoDB does, with every delete served by the index. */
class TtlMonitorTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    static Stream<Arguments> backends() {
        // strict: a sweep whose delete no index served would fail here
        return Stream.of(
                Arguments.of("memory", (Function<ScanPolicy, MongoBackend>) IndexedMemoryBackend::new),
                Arguments.of("h2", (Function<ScanPolicy, MongoBackend>) policy -> IndexedH2Backend.open(null, policy)));
    }

    private static List<Object> ids(MongoCollection<Document> collection) {
        List<Object> ids = new ArrayList<>();
        collection.find().forEach(document -> ids.add(document.get("_id")));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void documentsPastTheirIndexsExpiryAreDeletedAndNoOthers(String name, Function<ScanPolicy, MongoBackend> backend) {
        MongoServer server = new MongoServer(backend.apply(ScanPolicy.reject(Set.of())));
        String uri = server.bindAndGetConnectionString();
        try (MongoClient client = MongoClients.create(uri);
                TtlMonitor monitor = TtlMonitor.manual(uri, Clock.fixed(NOW, ZoneOffset.UTC))) {
            MongoCollection<Document> windows = client.getDatabase("tracking").getCollection("windows");
            windows.createIndex(Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
            windows.insertOne(new Document("_id", "ended").append("expiresAt", Date.from(NOW.minusSeconds(1))));
            windows.insertOne(new Document("_id", "running").append("expiresAt", Date.from(NOW.plusSeconds(30))));
            windows.insertOne(new Document("_id", "no-date").append("expiresAt", "2020-01-01"));
            windows.insertOne(new Document("_id", "no-field"));

            MongoCollection<Document> tokens = client.getDatabase("tracking").getCollection("tokens");
            tokens.createIndex(Indexes.ascending("spentAt"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
            tokens.insertOne(new Document("_id", "spent-two-hours-ago").append("spentAt", Date.from(NOW.minusSeconds(7200))));
            tokens.insertOne(new Document("_id", "spent-a-minute-ago").append("spentAt", Date.from(NOW.minusSeconds(60))));

            MongoCollection<Document> sends = client.getDatabase("invoice").getCollection("sends");
            sends.createIndex(Indexes.ascending("requestedAt"));
            sends.insertOne(new Document("_id", "kept").append("requestedAt", Date.from(NOW.minusSeconds(86_400))));

            assertThat(monitor.sweep()).isEqualTo(2);

            assertThat(ids(windows)).containsExactlyInAnyOrder("running", "no-date", "no-field");
            assertThat(ids(tokens)).containsExactly("spent-a-minute-ago");
            assertThat(ids(sends)).containsExactly("kept");
            assertThat(monitor.sweep()).isZero();
        } finally {
            server.shutdown();
        }
    }
}
