package com.invoicedelivery.mail.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
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
import com.invoicedelivery.mail.settings.persistence.SmtpSettingsStore;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Tenants with their own SMTP server, through the API and the queue: the settings and their connection test, mail
 * through a server that requires a login (and never a password in an answer, a log line, a job or a stored
 * document), a wrong password, and a hanging server that must not delay another tenant's mail.
 */
@ExtendWith(OutputCaptureExtension.class)
class TenantSmtpServerIntegrationTest extends WholeServiceTest {

    private static final String PATH = "/api/smtp-settings";

    @Autowired
    JobStore jobs;
    @Autowired
    MongoTemplate mongo;

    @Test
    void aTenantSendsThroughItsOwnServerWithItsLoginAndTheServerIsShownButNeverThePassword(CapturedOutput output) {
        String tenant = "own-" + UUID.randomUUID();
        String password = "Pw-" + UUID.randomUUID();
        SMTP.setUser("mailer@own.example", "own-login-" + tenant, password);
        String admin = TestTokens.admin(tenant);

        JsonNode saved = api.ok(api.put(PATH, admin, settings(SMTP.getSmtp().getPort(), "own-login-" + tenant,
                password)), "PUT");
        JsonNode test = api.ok(api.post(PATH + "/test", admin, Map.of()), "test");
        JsonNode shown = api.getJson(PATH, TestTokens.user(tenant));
        Recipient recipient = recipient("client");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);
        publish(tenant, send);
        MimeMessage mail = mailbox.await(recipient.email(), WAIT);
        EmailDeliveryStatusChanged sent = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);

        assertThat(saved.get("configured").asBoolean()).isTrue();
        assertThat(saved.get("passwordSet").asBoolean()).isTrue();
        assertThat(saved.get("security").asString()).isEqualTo("NONE");
        assertThat(test.get("ok").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.get("stage").asString()).isEqualTo("DONE");
        assertThat(test.get("durationMillis").asLong()).isNotNegative();
        assertThat(shown.get("username").asString()).isEqualTo("own-login-" + tenant);
        InternetAddress from = (InternetAddress) sender(mail);
        assertThat(from.getAddress()).isEqualTo("mailer@own.example");
        assertThat(from.getPersonal()).isEqualTo(TestSends.TENANT_NAME);
        assertThat(sent.messageId()).isEqualTo(messageId(mail));
        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        assertThat(job.smtpServer()).isEqualTo(SmtpServer.ofTenant(tenant));

        List<String> forms = List.of(password, base64(password), base64("\0own-login-" + tenant + "\0" + password));
        String stored = mongo.findById(tenant, Document.class, SmtpSettingsStore.COLLECTION).toJson()
                + mongo.findById(job.id(), Document.class, JobStore.COLLECTION).toJson();
        for (String form : forms) {
            assertThat(List.of(saved.toString(), test.toString(), shown.toString())).noneMatch(a -> a.contains(form));
            assertThat(stored).doesNotContain(form);
            assertThat(output.getAll()).doesNotContain(form);
        }
    }

    @Test
    void aWrongPasswordIsReportedByTheTestAndFailsTheSendOnceWithoutRetryingEachMessage() {
        String tenant = "wrong-" + UUID.randomUUID();
        SMTP.setUser("mailer@wrong.example", "wrong-login-" + tenant, "the-right-one");
        String admin = TestTokens.admin(tenant);
        api.ok(api.put(PATH, admin, settings(SMTP.getSmtp().getPort(), "wrong-login-" + tenant, "a-wrong-one")),
                "PUT");

        JsonNode test = api.ok(api.post(PATH + "/test", admin, Map.of()), "test");
        List<Recipient> recipients = List.of(recipient("first"), recipient("second"), recipient("third"));
        publish(tenant, TestSends.send(DeliveryMode.LINK, Language.BG, recipients.toArray(Recipient[]::new)));
        List<EmailDeliveryStatusChanged> failures = recipients.stream()
                .map(r -> bus.awaitStatus(r.recipientId(), DeliveryStatus.FAILED, WAIT)).toList();

        assertThat(test.get("ok").asBoolean()).isFalse();
        assertThat(test.get("stage").asString()).isEqualTo("AUTH");
        assertThat(test.get("message").asString()).startsWith("The server refused the user name or password (535");
        // two workers may try the login at once (the server's limit); every later message is not tried
        assertThat(failures).extracting(EmailDeliveryStatusChanged::reason)
                .allMatch(reason -> reason.contains("refused the user name or password (535"))
                .anyMatch(reason -> reason.contains("this message was not tried"));
        assertThat(failures).extracting(EmailDeliveryStatusChanged::attempt).containsOnly(1);
        assertThat(recipients).allMatch(r -> mailbox.to(r.email()).isEmpty());
    }

    @Test
    void aTenantsHangingServerHoldsTwoWorkersAtMostAndAnotherTenantsMailGoesOutPromptly() throws Exception {
        String slow = "slow-" + UUID.randomUUID();
        try (ScriptedSmtpServer hanging = ScriptedSmtpServer.start().silent()) {
            api.ok(api.put(PATH, TestTokens.admin(slow), Map.of("host", "127.0.0.1", "port", hanging.port(),
                    "security", "NONE", "fromAddress", "invoices@slow.example")), "PUT");
            Recipient[] stuck = new Recipient[6];
            for (int i = 0; i < stuck.length; i++) {
                stuck[i] = recipient("stuck-" + i);
            }
            SendDetails stuckSend = TestSends.send(DeliveryMode.LINK, Language.BG, stuck);
            publish(slow, stuckSend);
            Awaitility.await("two connections to the hanging server").atMost(WAIT)
                    .until(hanging::connections, connections -> connections >= 2);

            Recipient other = recipient("other");
            long published = System.nanoTime();
            publish("acme", TestSends.send(DeliveryMode.LINK, Language.BG, other));
            mailbox.await(other.email(), Duration.ofSeconds(20));

            assertThat(Duration.ofNanos(System.nanoTime() - published)).as("well within the 10 s read timeout"
                    + " the hanging server holds its workers for").isLessThan(Duration.ofSeconds(7));
            assertThat(jobs.forSend(slow, stuckSend.sendId())).filteredOn(job -> job.state() == JobState.SENDING)
                    .hasSizeLessThanOrEqualTo(2);
            assertThat(hanging.connections()).isEqualTo(2);
        }
    }

    @Test
    void aServerAtTheCloudMetadataAddressIsRefusedByTheTestAndFailsASendAtOnceWithoutConnecting() {
        String tenant = "metadata-" + UUID.randomUUID();
        String admin = TestTokens.admin(tenant);
        api.ok(api.put(PATH, admin, Map.of("host", "169.254.169.254", "port", 25, "security", "NONE",
                "fromAddress", "invoices@metadata.example")), "PUT");

        JsonNode test = api.ok(api.post(PATH + "/test", admin, Map.of()), "test");
        Recipient recipient = recipient("metadata");
        publish(tenant, TestSends.send(DeliveryMode.LINK, Language.BG, recipient));
        EmailDeliveryStatusChanged failed = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.FAILED, WAIT);

        assertThat(test.get("ok").asBoolean()).isFalse();
        assertThat(test.get("stage").asString()).isEqualTo("CONNECT");
        assertThat(test.get("message").asString()).isEqualTo("The SMTP server 169.254.169.254:25 is not allowed:"
                + " 169.254.169.254 resolves to 169.254.169.254, a link-local address (e.g. a cloud metadata"
                + " service), where a tenant's SMTP server may not be; nothing was tried");
        assertThat(failed.attempt()).as("not retried").isEqualTo(1);
        assertThat(failed.reason()).startsWith("The SMTP server 169.254.169.254:25 is not allowed");
    }

    @Test
    void moreConnectionTestsThanATenantMayRunInAMinuteAreAnswered429() {
        String admin = TestTokens.admin("limited-" + UUID.randomUUID());
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(PATH + "/test", admin, Map.of()).statusCode()).as("nothing stored to test")
                    .isEqualTo(409);
        }

        HttpResponse<byte[]> limited = api.post(PATH + "/test", admin, Map.of());

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
        assertThat(api.json(limited).get("detail").asString()).startsWith("at most 10 connection tests a minute");
        assertThat(api.post(PATH + "/test", TestTokens.admin("another-" + UUID.randomUUID()), Map.of())
                .statusCode()).as("another tenant's tests are its own").isEqualTo(409);
    }

    @Test
    void onlyAnAdminChangesTheSettingsAndRemovingThemGoesBackToThePlatformsServer() {
        String tenant = "admin-" + UUID.randomUUID();
        Map<String, Object> noLogin = Map.of("host", "relay.example.com", "port", 25, "security", "NONE",
                "fromAddress", "invoices@admin.example");

        assertThat(api.put(PATH, TestTokens.user(tenant), noLogin).statusCode()).isEqualTo(403);
        assertThat(api.post(PATH + "/test", TestTokens.user(tenant), Map.of()).statusCode()).isEqualTo(403);
        assertThat(api.getJson(PATH, TestTokens.user(tenant)).get("configured").asBoolean()).isFalse();
        api.ok(api.put(PATH, TestTokens.admin(tenant), noLogin), "PUT");
        assertThat(api.getJson(PATH, TestTokens.user("another-" + tenant)).get("configured").asBoolean())
                .as("another tenant's settings are not shown").isFalse();
        assertThat(api.delete(PATH, TestTokens.admin(tenant)).statusCode()).isEqualTo(204);
        assertThat(api.getJson(PATH, TestTokens.user(tenant)).get("configured").asBoolean()).isFalse();
        assertThat(api.put(PATH, TestTokens.admin(tenant), Map.of("host", "bad host", "port", 0)).statusCode())
                .isEqualTo(400);
        assertThat(api.get(PATH, null).statusCode()).isEqualTo(401);
    }

    private void publish(String tenant, SendDetails send) {
        try {
            bus.publish(TestSends.documentReady(tenant, send, TestSends.document(TestSends.PDF)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Recipient recipient(String name) {
        return TestSends.recipient(name + "-" + UUID.randomUUID() + "@beta.example");
    }

    private static Map<String, Object> settings(int port, String username, String password) {
        return Map.of("host", "127.0.0.1", "port", port, "security", "NONE", "username", username, "password",
                password, "fromAddress", "mailer@own.example");
    }

    private static Object sender(MimeMessage mail) {
        try {
            return mail.getFrom()[0];
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
