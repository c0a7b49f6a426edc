package com.invoicedelivery.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * "Retry now" of e-mails waiting for a later attempt, through the API: a tenant's admin after fixing its server, and
 * operations for any tenant; the e-mail log listing every attempt's outcome, deferred and failed ones included.
 * The retry policy's first wait is a minute: an e-mail that goes out within seconds went out because it was asked to.
 */
class RetryNowIntegrationTest extends WholeServiceTest {

    private static final String SETTINGS = "/api/smtp-settings";
    private static final String BUSY = "451 4.3.0 Mailbox busy, try again later";

    @Autowired
    JobStore jobs;

    @Test
    void aTenantAdminRetriesItsServersDeferredEmailsOnceItIsFixedAndTheyGoOutAtOnceWithTheirMessageIds() throws Exception {
        String tenant = "retry-" + UUID.randomUUID();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start().replying(ScriptedSmtpServer.END_OF_DATA, BUSY)) {
            useServer(tenant, server);
            Recipient recipient = recipient("fixed");
            SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
            publish(tenant, send);
            EmailDeliveryStatusChanged deferred = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.DEFERRED,
                    WAIT);
            JsonNode waiting = api.getJson("/api/emails?sendId=" + send.sendId(), TestTokens.user(tenant)).get(0);
            server.replying(ScriptedSmtpServer.END_OF_DATA, "250 2.0.0 Ok: queued");
            Instant asked = Instant.now();

            JsonNode first = api.ok(api.post("/api/dispatch/own-server/retry", TestTokens.admin(tenant), Map.of()),
                    "retry now");
            EmailDeliveryStatusChanged request = bus.awaitRetryRequest(recipient.recipientId(), WAIT);
            EmailDeliveryStatusChanged sent = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);
            JsonNode second = api.ok(api.post("/api/dispatch/own-server/retry", TestTokens.admin(tenant), Map.of()),
                    "retry again");
            JsonNode again = api.ok(api.post("/api/dispatch/sends/" + send.sendId() + "/recipients/"
                    + recipient.recipientId() + "/retry", TestTokens.admin(tenant), Map.of()), "retry the sent one");

            assertThat(waiting.get("status").asString()).isEqualTo("DEFERRED");
            assertThat(waiting.get("reason").asString()).contains("deferred the message: " + BUSY);
            assertThat(waiting.get("sentAt").isNull()).isTrue();
            assertThat(Instant.parse(waiting.get("nextAttemptAt").asString())).isAfter(asked.plusSeconds(30));
            assertThat(first.get("retried").asInt()).isEqualTo(1);
            assertThat(first.get("jobs").get(0).get("retried").asBoolean()).isTrue();
            assertThat(first.get("jobs").get(0).get("messageId").asString()).isEqualTo(deferred.messageId());
            assertThat(first.get("more").asBoolean()).isFalse();
            assertThat(request.retryRequestedBy()).isEqualTo("admin@" + tenant + " (tenant admin)");
            assertThat(request.status()).as("the status it had").isEqualTo(DeliveryStatus.DEFERRED);
            assertThat(request.reason()).contains(BUSY);
            assertThat(sent.messageId()).as("a retry keeps the Message-ID").isEqualTo(deferred.messageId());
            assertThat(sent.attempt()).isEqualTo(2);
            assertThat(Duration.between(asked, sent.occurredAt())).as("not the minute the policy waits")
                    .isLessThan(Duration.ofSeconds(30));
            assertThat(mailbox.to(recipient.email())).isEmpty();
            assertThat(server.messagesAccepted()).isEqualTo(1);
            assertThat(second.get("retried").asInt()).as("nothing more to retry").isZero();
            assertThat(second.get("jobs")).isEmpty();
            assertThat(again.get("retried").asInt()).isZero();
            assertThat(again.get("jobs").get(0).get("note").asString()).isEqualTo("already sent: nothing to retry");
            assertThat(bus.statusesOf(recipient.recipientId(), Duration.ofSeconds(1)))
                    .filteredOn(EmailDeliveryStatusChanged::reportsRetryRequest).as("announced once").hasSize(1);
            JsonNode logged = api.getJson("/api/emails/" + DispatchJob.idOf(send.sendId(), recipient.recipientId()),
                    TestTokens.user(tenant));
            assertThat(logged.get("status").asString()).isEqualTo("SENT");
            assertThat(logged.get("attempts")).extracting(a -> a.get("outcome").asString())
                    .containsExactly("DEFERRED", "SENT");
            assertThat(logged.get("messageId").asString()).isEqualTo(deferred.messageId());
        }
    }

    @Test
    void aSecondRequestForOneRecipientChangesNothingMoreAndSaysItIsAlreadyDue() throws Exception {
        String tenant = "twice-" + UUID.randomUUID();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start().silent()) {
            Recipient recipient = recipient("twice");
            SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
            DispatchJob job = deferredJob(tenant, send, recipient, Instant.now().plusSeconds(3600),
                    SmtpServer.ofTenant(tenant));
            assertThat(jobs.insertIfAbsent(job)).isTrue();
            String path = "/api/dispatch/sends/" + send.sendId() + "/recipients/" + recipient.recipientId() + "/retry";
            // the job names the tenant's server, which hangs: once asked for, the job is due or being sent
            useServer(tenant, server);

            JsonNode first = api.ok(api.post(path, TestTokens.admin(tenant), Map.of()), "first");
            JsonNode second = api.ok(api.post(path, TestTokens.admin(tenant), Map.of()), "second");

            assertThat(first.get("retried").asInt()).isEqualTo(1);
            assertThat(second.get("retried").asInt()).isZero();
            assertThat(second.get("jobs").get(0).get("retried").asBoolean()).isFalse();
            assertThat(second.get("jobs").get(0).get("note").asString())
                    .isIn("already due: nothing more to do", "being sent right now");
            assertThat(bus.statusesOf(recipient.recipientId(), Duration.ofSeconds(1)))
                    .filteredOn(EmailDeliveryStatusChanged::reportsRetryRequest).hasSize(1);
        }
    }

    @Test
    void operationsRetryAnyTenantsSendAndAnotherTenantsAdminFindsNothing() {
        String tenant = "ops-" + UUID.randomUUID();
        Recipient recipient = recipient("ops");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        DispatchJob job = deferredJob(tenant, send, recipient, Instant.now().plusSeconds(3600),
                SmtpServer.PLATFORM);
        assertThat(jobs.insertIfAbsent(job)).isTrue();

        HttpResponse<byte[]> otherTenant = api.post("/api/dispatch/sends/" + send.sendId() + "/retry",
                TestTokens.admin("other-" + tenant), Map.of());
        HttpResponse<byte[]> user = api.post("/api/dispatch/sends/" + send.sendId() + "/retry",
                TestTokens.user(tenant), Map.of());
        HttpResponse<byte[]> unknownRecipient = api.post("/api/dispatch/sends/" + send.sendId()
                + "/recipients/nobody/retry", TestTokens.admin(tenant), Map.of());
        JsonNode retried = api.ok(api.post("/api/operations/dispatch/tenants/" + tenant + "/sends/" + send.sendId()
                + "/retry", TestTokens.operations(), Map.of()), "operations");
        EmailDeliveryStatusChanged request = bus.awaitRetryRequest(recipient.recipientId(), WAIT);
        EmailDeliveryStatusChanged sent = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);

        assertThat(otherTenant.statusCode()).isEqualTo(404);
        assertThat(otherTenant.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(user.statusCode()).as("a tenant user may not").isEqualTo(403);
        assertThat(unknownRecipient.statusCode()).isEqualTo(404);
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(request.retryRequestedBy()).endsWith("(operations)");
        assertThat(sent.messageId()).isEqualTo(job.messageId());
        assertThat(mailbox.await(recipient.email(), WAIT)).isNotNull();
        assertThat(jobs.find(job.id()).orElseThrow().state()).isEqualTo(JobState.SENT);
    }

    @Test
    void theEmailLogListsAnEmailTheServerRefusedWithItsStatusAndReasonButNoSource() throws Exception {
        String tenant = "refused-" + UUID.randomUUID();
        try (ScriptedSmtpServer server = ScriptedSmtpServer.start()
                .replying(ScriptedSmtpServer.END_OF_DATA, "554 5.7.1 Message rejected as spam")) {
            useServer(tenant, server);
            Recipient recipient = recipient("refused");
            SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
            publish(tenant, send);
            bus.awaitStatus(recipient.recipientId(), DeliveryStatus.FAILED, WAIT);
            String id = DispatchJob.idOf(send.sendId(), recipient.recipientId());

            JsonNode failed = api.getJson("/api/emails?status=FAILED&clientId=" + send.clientId(),
                    TestTokens.user(tenant));
            JsonNode details = api.getJson("/api/emails/" + id, TestTokens.user(tenant));
            HttpResponse<byte[]> source = api.get("/api/emails/" + id + "/source", TestTokens.user(tenant));
            HttpResponse<byte[]> badStatus = api.get("/api/emails?status=LOST", TestTokens.user(tenant));
            JsonNode retry = api.ok(api.post("/api/dispatch/sends/" + send.sendId() + "/retry",
                    TestTokens.admin(tenant), Map.of()), "retry a failed one");

            assertThat(failed).hasSize(1);
            assertThat(failed.get(0).get("id").asString()).isEqualTo(id);
            assertThat(failed.get(0).get("reason").asString()).contains("refused the message: 554 5.7.1");
            assertThat(failed.get(0).get("to").asString()).isEqualTo(recipient.email());
            assertThat(details.get("status").asString()).isEqualTo("FAILED");
            assertThat(details.get("smtpReply").asString()).startsWith("554");
            assertThat(details.get("attempts")).hasSize(1);
            assertThat(details.get("textBody").isNull()).isTrue();
            assertThat(source.statusCode()).isEqualTo(404);
            assertThat(badStatus.statusCode()).isEqualTo(400);
            assertThat(retry.get("retried").asInt()).isZero();
            assertThat(retry.get("jobs").get(0).get("note").asString()).startsWith("failed for good");
        }
    }

    private void useServer(String tenant, ScriptedSmtpServer server) {
        api.ok(api.put(SETTINGS, TestTokens.admin(tenant), Map.of("host", "127.0.0.1", "port", server.port(),
                "security", "NONE", "fromAddress", "invoices@retry.example")), "PUT settings");
    }

    private void publish(String tenant, SendDetails send) {
        try {
            bus.publish(TestSends.documentReady(tenant, send, TestSends.document(TestSends.PDF)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A job deferred after its first attempt, due at {@code nextAttemptAt}. */
    private static DispatchJob deferredJob(String tenant, SendDetails send, Recipient recipient,
                                           Instant nextAttemptAt, String smtpServer) {
        Instant now = Instant.now();
        return new DispatchJob(DispatchJob.idOf(send.sendId(), recipient.recipientId()), tenant, send.sendId(),
                send.invoiceId(), send.clientId(), recipient.recipientId(), smtpServer,
                "<" + UUID.randomUUID() + "@" + DOMAIN + ">",
                TestSends.linkEmail(recipient.email(), recipient.linkUrl(), tenant, send.sendId(),
                        recipient.recipientId()), JobState.DEFERRED, 1, now, nextAttemptAt, null, false,
                "421 4.7.0 Try again later", "the mail server deferred the message: 421 4.7.0", null);
    }

    private static Recipient recipient(String name) {
        return TestSends.recipient(name + "-" + UUID.randomUUID() + "@retry.example");
    }
}
