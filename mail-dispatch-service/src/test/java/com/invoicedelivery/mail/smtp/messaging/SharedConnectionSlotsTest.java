package com.invoicedelivery.mail.smtp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.smtp.persistence.StoredConnectionSlots;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/**
 * Two replicas of the transport, each with its own workers and its own name for its leases, on one store, sending
 * to one tenant's server that counts the connections it has open: the tenant's cap holds across both.
 */
class SharedConnectionSlotsTest {

    private static final int CAP = 2;
    private static final int WORKERS_PER_REPLICA = 3;
    private static final int MESSAGES = 24;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** Short, so that a replica's idle connections give their slots back while the test runs. */
    private static final Duration IDLE = Duration.ofMillis(50);

    private final ScriptedSmtpServer tenantServer = ScriptedSmtpServer.start()
            .holdingEachMessage(Duration.ofMillis(20));
    private final MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("mail_slots_" + UUID.randomUUID().toString().replace("-", ""))));
    private final List<JakartaMailTransport> replicas = new ArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(2 * WORKERS_PER_REPLICA);
    private final ScheduledExecutorService idleClosers = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() throws Exception {
        workers.shutdownNow();
        idleClosers.shutdownNow();
        replicas.forEach(JakartaMailTransport::close);
        tenantServer.close();
    }

    @Test
    void twoReplicasNeverHoldMoreConnectionsToATenantsServerThanItsCap() throws Exception {
        JakartaMailTransport first = replica("replica-a");
        JakartaMailTransport second = replica("replica-b");
        Semaphore toSend = new Semaphore(MESSAGES);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger withoutSlot = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < WORKERS_PER_REPLICA; i++) {
            running.add(workers.submit(() -> work(first, toSend, sent, withoutSlot)));
            running.add(workers.submit(() -> work(second, toSend, sent, withoutSlot)));
        }
        for (Future<?> worker : running) {
            worker.get(60, TimeUnit.SECONDS);
        }

        assertThat(sent).hasValue(MESSAGES);
        assertThat(tenantServer.messagesAccepted()).isEqualTo(MESSAGES);
        assertThat(tenantServer.mostOpenAtOnce()).as("connections open at once, both replicas together")
                .isPositive().isLessThanOrEqualTo(CAP);
        assertThat(withoutSlot).as("six workers for two slots: some had to wait").hasPositiveValue();
    }

    /**
     * A worker of one replica: sends while messages are left; a message without a free slot goes back (as the
     * dispatch queue puts its job back) and is taken again a moment later. Bounded in count and time.
     */
    private void work(JakartaMailTransport replica, Semaphore toSend, AtomicInteger sent, AtomicInteger withoutSlot) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline && toSend.tryAcquire()) {
            SmtpOutcome outcome;
            try {
                outcome = replica.send(tenantServer(), message());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (outcome.accepted()) {
                sent.incrementAndGet();
                continue;
            }
            assertThat(outcome.noSlot()).as(outcome.toString()).isTrue();
            withoutSlot.incrementAndGet();
            toSend.release();
            sleep(5);
        }
    }

    private JakartaMailTransport replica(String name) {
        StoredConnectionSlots slots = new StoredConnectionSlots(store, CAP, Duration.ofMinutes(1),
                Clock.systemUTC(), name + "-" + UUID.randomUUID());
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
        SmtpSessions sessions = new SmtpSessions(TIMEOUT, TIMEOUT, TIMEOUT, "test.local", new NoDelaySocketFactory(),
                timers);
        JakartaMailTransport transport = new JakartaMailTransport(
                new SmtpConnections(sessions, IDLE, Clock.systemUTC(), slots), TestTransports.localServers(), timers);
        idleClosers.scheduleWithFixedDelay(transport::closeIdleConnections, 20, 20, TimeUnit.MILLISECONDS);
        replicas.add(transport);
        return transport;
    }

    private SmtpServer tenantServer() {
        return new SmtpServer(SmtpServer.ofTenant("acme"), "127.0.0.1", tenantServer.port(), SmtpSecurity.NONE,
                null, null, "fakturi@acme.bg");
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("fakturi@acme.bg"));
        message.setRecipients(MimeMessage.RecipientType.TO, "klient@beta.bg");
        message.setSubject("Фактура", "UTF-8");
        message.setText("Здравейте", "UTF-8");
        message.saveChanges();
        return message;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
