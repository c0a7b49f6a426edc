package com.invoicedelivery.mail.dispatch.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** On the strict embedded store: a figure that needed a collection scan would fail with notablescan. */
class JobStoreQueueFiguresTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private JobStore jobs;

    @BeforeEach
    void store() {
        jobs = new JobStore(new MongoTemplate(new SimpleMongoClientDatabaseFactory(
                EmbeddedMongo.uri("mail_queue_figures_" + UUID.randomUUID().toString().replace("-", "")))));
        jobs.afterPropertiesSet();
    }

    @Test
    void anEmptyQueueHasNothingWaitingAndNoOldestDueJob() {
        assertThat(jobs.queueFigures(true, NOW)).isEqualTo(new JobStore.QueueFigures(0, 0, null));
    }

    @Test
    void theFiguresOfEachServerClassCountOnlyItsJobsAndDateTheLongestDue() {
        queue(SmtpServer.PLATFORM, NOW.minus(Duration.ofMinutes(10)));
        queue(SmtpServer.PLATFORM, NOW.minus(Duration.ofMinutes(3)));
        queue(SmtpServer.PLATFORM, NOW.plus(Duration.ofMinutes(5)));
        queue(SmtpServer.ofTenant("acme"), NOW.minus(Duration.ofMinutes(1)));
        // one being sent is not waiting
        jobs.claimNext(NOW, Duration.ofMinutes(1), Set.of(SmtpServer.PLATFORM)).orElseThrow();

        assertThat(jobs.queueFigures(true, NOW))
                .isEqualTo(new JobStore.QueueFigures(3, 2, NOW.minus(Duration.ofMinutes(10))));
        assertThat(jobs.queueFigures(false, NOW)).isEqualTo(new JobStore.QueueFigures(0, 0, null));
    }

    private void queue(String server, Instant createdAt) {
        String sendId = "send-" + UUID.randomUUID();
        String recipientId = "r-" + UUID.randomUUID();
        assertThat(jobs.insertIfAbsent(DispatchJob.queued("acme", sendId, "inv-1", "client-1", recipientId, server,
                MessageIds.newMessageId("invoicedelivery.test"),
                TestSends.linkEmail("k@beta.example", "http://localhost:8084/l/t", "acme", sendId, recipientId),
                createdAt))).isTrue();
    }
}
