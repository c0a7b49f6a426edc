package com.invoicedelivery.mail.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Two replicas whose clocks are five minutes apart, on one store (the embedded one runs on this machine's clock):
 * on the store's clock they agree on leases (the fault suite's scenario 12 found the lease of one replica run out at
 * once for a replica ahead of it).
 */
class StoreClockTest {

    private static final Duration SKEW = Duration.ofMinutes(5);
    private static final Duration LEASE = Duration.ofSeconds(90);

    private final MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("mail_store_clock_" + UUID.randomUUID().toString().replace("-", ""))));

    @Test
    void aReplicaWhoseClockIsFiveMinutesAheadReadsTheStoresTime() {
        StoreClock ahead = new StoreClock(Clock.offset(Clock.systemUTC(), SKEW), store);

        assertThat(ahead.instant()).isCloseTo(Instant.now(), within(2, ChronoUnit.SECONDS));
        assertThat(ahead.offset()).isCloseTo(SKEW.negated(), Duration.ofSeconds(2));
    }

    @Test
    void aLeaseTakenByOneReplicaHasNotRunOutForAReplicaFiveMinutesAheadOfIt() {
        JobStore jobs = new JobStore(store);
        jobs.afterPropertiesSet();
        StoreClock behind = new StoreClock(Clock.offset(Clock.systemUTC(), SKEW.negated()), store);
        StoreClock ahead = new StoreClock(Clock.offset(Clock.systemUTC(), SKEW), store);
        queue(jobs, behind.instant());

        jobs.claimNext(behind.instant(), LEASE, Set.of()).orElseThrow();

        assertThat(jobs.withExpiredLease(ahead.instant(), 10)).as("expired leases seen by the replica ahead").isEmpty();
        assertThat(jobs.withExpiredLease(ahead.instant().plus(LEASE), 10)).as("once the lease has run out").hasSize(1);
    }

    @Test
    void onItsOwnClockTheReplicaAheadWouldHaveTakenTheFreshLeaseForADeadWorkersOne() {
        JobStore jobs = new JobStore(store);
        jobs.afterPropertiesSet();
        Clock behind = Clock.offset(Clock.systemUTC(), SKEW.negated());
        Clock ahead = Clock.offset(Clock.systemUTC(), SKEW);
        queue(jobs, behind.instant());

        jobs.claimNext(behind.instant(), LEASE, Set.of()).orElseThrow();

        assertThat(jobs.withExpiredLease(ahead.instant(), 10)).as("why the store's clock: this is the defect").hasSize(1);
    }

    private static void queue(JobStore jobs, Instant createdAt) {
        String sendId = "send-" + UUID.randomUUID();
        String recipientId = "r-" + UUID.randomUUID();
        assertThat(jobs.insertIfAbsent(DispatchJob.queued("acme", sendId, "inv-1", "client-1", recipientId,
                SmtpServer.PLATFORM, MessageIds.newMessageId("invoicedelivery.test"),
                TestSends.linkEmail("k@beta.example", "http://localhost:8084/l/t", "acme", sendId, recipientId),
                createdAt))).isTrue();
    }
}
