package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.RetryPolicy;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.MessageSigning;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.invoicedelivery.mail.smtp.application.LoginRefusalGuard;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.smtp.messaging.JakartaMailTransport;
import com.invoicedelivery.mail.smtp.messaging.TestTransports;
import com.invoicedelivery.mail.smtp.persistence.StoredConnectionSlots;
import com.invoicedelivery.mail.smtp.persistence.StoredLoginRefusals;
import com.invoicedelivery.mail.testdata.GreenMails;
import com.invoicedelivery.kit.testing.MovableClock;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.kit.testing.SmtpSink;
import com.invoicedelivery.mail.testdata.TestSends;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attempts of queued jobs against real SMTP servers: Postfix's smtp-sink told to refuse, drop or stall at chosen
 * commands, and GreenMail checking a login. The queue is the real one on the embedded store; the clock is moved
 * to the next attempt instead of waiting for it.
 */
class DeliveryThroughRealServersTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration LEASE = Duration.ofMinutes(10);
    private static final String TENANT = "acme";

    private final MovableClock clock = new MovableClock();
    private final Servers servers = new Servers();
    private MongoTemplate mongo;
    private JakartaMailTransport smtp;
    private JobStore jobs;
    private JobDelivery delivery;
    private SmtpSink sink;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeEach
    void queue() {
        mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
                EmbeddedMongo.uri("mail_real_servers_" + UUID.randomUUID().toString().replace("-", ""))));
        smtp = TestTransports.jakartaMail(TIMEOUT, clock, slots("this-replica"));
        jobs = new JobStore(mongo);
        jobs.afterPropertiesSet();
        JobTransitions transitions = new JobTransitions(jobs, new OutboxEntries(JsonMapper.builder().build()),
                new OutboxRelay(mongo, (topic, message) -> true, List.of(), "test",
                        new OutboxRelay.Settings(Duration.ofSeconds(1), Duration.ofMinutes(1), 10),
                        Clock.systemUTC()), clock, new DispatchMetrics(registry));
        MailTransport transport = new LoginRefusalGuard(smtp, new StoredLoginRefusals(mongo), Duration.ofMinutes(5), clock);
        delivery = new JobDelivery(new MessageComposer(documentId -> TestSends.PDF), MessageSigning.off(), transport,
                servers, new SealedLinks(TestLinkSeal.opener()), new EmailLog(new EmailStore(mongo), documentId -> TestSends.PDF), transitions,
                new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofHours(24)), clock,
                "invoicedelivery.test", null);
    }

    @AfterEach
    void stop() {
        smtp.close();
        if (sink != null) {
            sink.close();
        }
    }

    @Test
    void aTemporaryRefusalIsRetriedLaterAndTheMessageArrivesOnceWithTheSameMessageId() {
        sink = sinkWith("-r", "RCPT");
        DispatchJob job = queue("klient@beta.example");

        DispatchJob deferred = attempt();

        assertThat(deferred.state()).isEqualTo(JobState.DEFERRED);
        assertThat(deferred.lastReply()).startsWith("450 4.3.0");
        assertThat(deferred.lastReason()).contains("deferred the message");
        assertThat(deferred.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));
        assertThat(sink.messages()).isEmpty();
        assertThat(jobs.claimNext(clock.instant(), LEASE, Set.of())).as("not due before its retry").isEmpty();

        sink.close();
        sink = SmtpSink.startOn(sink.port());
        clock.advance(Duration.ofMinutes(1));
        DispatchJob sent = attempt();

        assertThat(sent.state()).isEqualTo(JobState.SENT);
        assertThat(sent.attempt()).isEqualTo(2);
        assertThat(sent.lastReply()).startsWith("250");
        assertThat(sink.messages()).singleElement().asString().contains("Message-ID: " + job.messageId());
        assertThat(attempts("deferred", "4xx")).isEqualTo(1);
        assertThat(attempts("sent", "2xx")).isEqualTo(1);
        assertThat(registry.get(DispatchMetrics.ACCEPTANCE).tag("server_class", "platform").timer().totalTime(
                java.util.concurrent.TimeUnit.SECONDS)).as("queued, then a minute's wait, then sent").isEqualTo(60);
    }

    @Test
    void aPermanentRefusalFailsTheJobAtOnceWithTheServersReplyAndItIsNotTriedAgain() {
        sink = sinkWith("-f", "RCPT");
        queue("unknown@beta.example");

        DispatchJob failed = attempt();

        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.lastReply()).startsWith("500 5.3.0");
        assertThat(failed.lastReason()).contains("refused the message").contains("500 5.3.0");
        clock.advance(Duration.ofDays(2));
        assertThat(jobs.claimNext(clock.instant(), LEASE, Set.of())).isEmpty();
        assertThat(sink.messages()).isEmpty();
        assertThat(attempts("failed", "5xx")).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedDuringTheExchangeDefersTheJob() {
        sink = sinkWith("-q", "DATA");
        queue("klient@beta.example");

        DispatchJob deferred = attempt();

        assertThat(deferred.state()).isEqualTo(JobState.DEFERRED);
        assertThat(deferred.lastReply()).isNull();
        assertThat(deferred.lastReason()).startsWith("no answer from the mail server 127.0.0.1:" + sink.port());
        assertThat(attempts("deferred", "none")).isEqualTo(1);
    }

    @Test
    void aServerThatStopsAnsweringTimesOutAndIsRetriedWithALongerWaitEachTime() {
        sink = sinkWith("-W", "EHLO:30");
        queue("klient@beta.example");

        long started = System.nanoTime();
        DispatchJob first = attempt();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("bounded by the read timeout")
                .isLessThan(Duration.ofSeconds(5));
        clock.advance(Duration.ofMinutes(1));
        DispatchJob second = attempt();

        assertThat(first.state()).isEqualTo(JobState.DEFERRED);
        assertThat(first.lastReason()).contains("did not answer in time");
        assertThat(second.state()).isEqualTo(JobState.DEFERRED);
        assertThat(second.attempt()).isEqualTo(2);
        assertThat(second.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(2)));
    }

    @Test
    void aWrongPasswordFailsTheFirstJobWithAReadableReasonAndTheNextOnesWithoutLoggingInAgain() {
        GreenMail greenMail = new GreenMail(GreenMails.onFreePort(ServerSetupTest.SMTP));
        greenMail.start();
        try {
            greenMail.setUser("mailer@acme.example", "mailer", "the-right-one");
            servers.tenant(new SmtpServer(SmtpServer.ofTenant(TENANT), "127.0.0.1", greenMail.getSmtp().getPort(),
                    SmtpSecurity.NONE, "mailer", "a-wrong-one", "mailer@acme.example"));
            queue(SmtpServer.ofTenant(TENANT), "first@beta.example");
            queue(SmtpServer.ofTenant(TENANT), "second@beta.example");

            DispatchJob first = attempt();
            DispatchJob second = attempt();

            assertThat(first.state()).isEqualTo(JobState.FAILED);
            assertThat(first.lastReason()).startsWith("the mail server 127.0.0.1:" + greenMail.getSmtp().getPort()
                    + " refused the user name or password (535").contains("correct the SMTP settings");
            assertThat(second.state()).isEqualTo(JobState.FAILED);
            assertThat(second.lastReason()).contains("535").contains("this message was not tried");
            assertThat(greenMail.getReceivedMessages()).isEmpty();
            clock.advance(Duration.ofDays(2));
            assertThat(jobs.claimNext(clock.instant(), LEASE, Set.of())).as("no retries").isEmpty();
        } finally {
            greenMail.stop();
        }
    }

    private SmtpSink sinkWith(String... options) {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is not installed (Debian package postfix)");
        SmtpSink started = SmtpSink.start(options);
        servers.platform(started.port());
        return started;
    }

    @Test
    void aJobForATenantServerWhoseSlotsAnotherReplicaHoldsGoesBackToTheQueueUntriedAndGoesOutOnceOneIsFree()
            throws Exception {
        try (ScriptedSmtpServer tenantServer = ScriptedSmtpServer.start()) {
            servers.tenant(new SmtpServer(SmtpServer.ofTenant(TENANT), "127.0.0.1", tenantServer.port(),
                    SmtpSecurity.NONE, null, null, "fakturi@acme.example"));
            StoredConnectionSlots otherReplica = slots("other-replica");
            ConnectionSlots.ConnectionSlot heldThere = otherReplica.tryAcquire(SmtpServer.ofTenant(TENANT))
                    .orElseThrow();
            otherReplica.tryAcquire(SmtpServer.ofTenant(TENANT)).orElseThrow();
            DispatchJob job = queue(SmtpServer.ofTenant(TENANT), "klient@beta.example");

            DispatchJob claimed = jobs.claimNext(clock.instant(), LEASE, Set.of()).orElseThrow();
            boolean tried = delivery.deliver(claimed);
            DispatchJob putBack = jobs.find(job.id()).orElseThrow();

            assertThat(tried).isFalse();
            assertThat(putBack.state()).isEqualTo(JobState.QUEUED);
            assertThat(putBack.attempt()).as("no attempt counted").isZero();
            assertThat(putBack.leaseUntil()).isNull();
            assertThat(putBack.nextAttemptAt()).as("due as before").isEqualTo(job.nextAttemptAt());
            assertThat(mongo.findById(job.id(), Document.class, JobStore.COLLECTION)
                    .getList(OutboxEntry.FIELD, Document.class, List.of())).as("nothing published").isEmpty();
            assertThat(tenantServer.connections()).isZero();

            heldThere.release();
            DispatchJob sent = attempt();

            assertThat(sent.state()).isEqualTo(JobState.SENT);
            assertThat(sent.attempt()).isEqualTo(1);
            assertThat(tenantServer.messagesAccepted()).isEqualTo(1);
        }
    }

    private StoredConnectionSlots slots(String replica) {
        return new StoredConnectionSlots(mongo, 2, Duration.ofMinutes(1), clock, replica);
    }

    private double attempts(String outcome, String replyClass) {
        return registry.get(DispatchMetrics.ATTEMPTS).tags("outcome", outcome, "reply_class", replyClass,
                "server_class", "platform").counter().count();
    }

    private DispatchJob queue(String recipient) {
        return queue(SmtpServer.PLATFORM, recipient);
    }

    private DispatchJob queue(String server, String recipient) {
        String sendId = "send-" + UUID.randomUUID();
        String recipientId = "r-" + UUID.randomUUID();
        DispatchJob job = DispatchJob.queued(TENANT, sendId, "inv-1", "client-1", recipientId, server,
                MessageIds.newMessageId("invoicedelivery.test"),
                TestSends.linkEmail(recipient, "http://localhost:8084/l/token", TENANT, sendId, recipientId),
                clock.instant());
        assertThat(jobs.insertIfAbsent(job)).isTrue();
        return job;
    }

    /** Claims the job due longest and makes one attempt at it, as a worker does; the job as it is afterwards. */
    private DispatchJob attempt() {
        DispatchJob claimed = jobs.claimNext(clock.instant(), LEASE, Set.of()).orElseThrow();
        delivery.deliver(claimed);
        return jobs.find(claimed.id()).orElseThrow();
    }

    /** The platform's server and the tenant's, as the test sets them up. */
    private static final class Servers implements SmtpServerDirectory {

        private final Map<String, SmtpServer> servers = new ConcurrentHashMap<>();

        void platform(int port) {
            servers.put(SmtpServer.PLATFORM, new SmtpServer(SmtpServer.PLATFORM, "127.0.0.1", port, SmtpSecurity.NONE,
                    null, null, null));
        }

        void tenant(SmtpServer server) {
            servers.put(server.reference(), server);
        }

        @Override
        public String serverFor(String tenantId) {
            return SmtpServer.PLATFORM;
        }

        @Override
        public SmtpServer resolve(String reference) {
            return servers.get(reference);
        }
    }
}
