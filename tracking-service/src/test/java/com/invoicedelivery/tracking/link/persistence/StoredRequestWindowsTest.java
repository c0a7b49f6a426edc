package com.invoicedelivery.tracking.link.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.kit.testing.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** The request count per client address and minute, kept by two replicas on one store. */
class StoredRequestWindowsTest {

    private static final String CLIENT = "198.51.100.7";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-28T10:00:10Z"));
    private final MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("tracking_windows_" + UUID.randomUUID().toString().replace("-", ""))));
    private final StoredRequestWindows first = replica();
    private final StoredRequestWindows second = replica();

    @Test
    void aClientsRequestsToBothReplicasShareOneLimit() {
        assertThat(first.take(CLIENT)).isZero();
        assertThat(second.take(CLIENT)).isZero();
        assertThat(first.take(CLIENT)).isZero();

        assertThat(second.take(CLIENT)).as("the fourth in the minute, wherever it lands")
                .isEqualTo(Duration.ofSeconds(50));
        assertThat(first.take("198.51.100.8")).as("another client counts on its own").isZero();
    }

    @Test
    void theNextMinuteStartsAgainAndTheStoreKeepsNoAddress() {
        for (int i = 0; i < 4; i++) {
            first.take(CLIENT);
        }
        clock.set(Instant.parse("2026-11-28T10:01:00Z"));

        assertThat(second.take(CLIENT)).isZero();
        assertThat(store.findAll(Document.class, StoredRequestWindows.COLLECTION)).hasSize(2)
                .allSatisfy(window -> assertThat(window.toJson()).doesNotContain(CLIENT).contains("expiresAt"));
    }

    private StoredRequestWindows replica() {
        StoredRequestWindows windows = new StoredRequestWindows(store, 3, clock);
        windows.afterPropertiesSet();
        return windows;
    }
}
