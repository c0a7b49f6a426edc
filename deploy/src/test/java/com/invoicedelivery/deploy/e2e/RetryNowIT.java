package com.invoicedelivery.deploy.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.demo.ApiClient;
import com.invoicedelivery.deploy.services.PlatformService;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * A tenant's own SMTP server is down: its e-mail is deferred and the e-mail log says why. The tenant fixes its
 * settings and asks for "retry now": the e-mail goes out at once (not after the retry policy's wait) with the
 * Message-ID it had, the send's timeline says who asked, a second request retries nothing, and the operations'
 * delivery overview counts the send as sent.
 */
@ExtendWith(PlatformExtension.class)
class RetryNowIT {

    private final LocalPlatform platform;

    RetryNowIT(LocalPlatform platform) {
        this.platform = platform;
    }

    @Test
    void aDeferredEmailGoesOutAtOnceWhenItsTenantAsksOnceItsServerIsFixed() {
        String tenantId = "e2e-retry-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minusSeconds(60);
        TenantFixture tenant = TenantFixture.create(platform, tenantId, "Повторен Опит ООД");
        ApiClient mail = tenant.api(PlatformService.MAIL_DISPATCH);
        mail.put("/api/smtp-settings", Map.of("host", "localhost", "port", closedPort(), "security", "NONE",
                "fromAddress", "mailer@" + tenantId + ".example")).expect(200);
        String address = "client@" + tenantId + ".example";
        String clientId = tenant.createClient("Клиент на повторния опит ООД", List.of(address), "BG");
        String invoiceId = tenant.issueInvoice(clientId, "1", "1.00").get("id").asText();
        String sendId = tenant.api().post("/api/invoices/" + invoiceId + "/send", Map.of()).expect(202)
                .get("sendId").asText();

        JsonNode deferred = Waiting.until("the e-mail deferred: nothing listens on the tenant's server",
                () -> tenant.api().get("/api/sends/" + sendId).expect(200),
                body -> body.get("status").asText().equals("DEFERRED"), Duration.ofSeconds(60));
        JsonNode logged = mail.get("/api/emails?sendId=" + sendId).expect(200).get(0);
        mail.put("/api/smtp-settings", Map.of("host", "localhost", "port", platform.settings().smtpPort(),
                "security", "NONE", "fromAddress", "mailer@" + tenantId + ".example")).expect(200);
        Instant asked = Instant.now();
        JsonNode retried = mail.post("/api/dispatch/own-server/retry", Map.of()).expect(200);
        JsonNode sent = Waiting.until("the e-mail sent after the retry", () -> tenant.api().get("/api/sends/" + sendId)
                .expect(200), body -> body.get("status").asText().equals("SENT"), Duration.ofSeconds(60));
        Instant arrived = Instant.now();
        JsonNode again = mail.post("/api/dispatch/sends/" + sendId + "/retry", Map.of()).expect(200);
        MimeMessage message = platform.inbox().messages().stream()
                .filter(m -> Mails.recipient(m).equals(address)).findFirst().orElseThrow();
        JsonNode overview = TenantFixture.operations(platform).get("/api/operations/delivery?from=" + start
                + "&tenantId=" + tenantId).expect(200);

        assertThat(logged.get("status").asText()).isEqualTo("DEFERRED");
        assertThat(logged.get("reason").asText()).contains("no answer from the mail server");
        assertThat(deferred.get("recipients").get(0).get("failureReason").asText())
                .isEqualTo(logged.get("reason").asText());
        assertThat(retried.get("retried").asInt()).isEqualTo(1);
        assertThat(Duration.between(asked, arrived)).as("at once, not after the policy's minute")
                .isLessThan(Duration.ofSeconds(40));
        List<String> steps = Timeline.steps(sent);
        assertThat(steps).containsSubsequence("DEFERRED", "RETRY_REQUESTED", "SENT");
        JsonNode request = sent.get("timeline").valueStream()
                .filter(entry -> entry.get("step").asText().equals("RETRY_REQUESTED")).findFirst().orElseThrow();
        assertThat(request.get("detail").asText()).startsWith("requested by user@" + tenantId + " (tenant admin)");
        String messageId = sent.get("recipients").get(0).get("messageId").asText();
        assertThat(messageIdOf(message)).as("the retry keeps the Message-ID").isEqualTo(messageId);
        assertThat(retried.get("jobs").get(0).get("messageId").asText()).isEqualTo(messageId);
        assertThat(again.get("retried").asInt()).as("nothing more to retry").isZero();
        assertThat(platform.inbox().messages().stream().filter(m -> Mails.recipient(m).equals(address)))
                .as("sent once").hasSize(1);
        assertThat(overview.get("statuses").get("SENT").asLong()).isEqualTo(1);
        assertThat(overview.get("requestToAcceptance").get("count").asLong()).isEqualTo(1);
        assertThat(mail.get("/api/emails/" + sendId + ":" + sent.get("recipients").get(0).get("recipientId").asText())
                .expect(200).get("attempts")).extracting(attempt -> attempt.get("outcome").asText())
                .containsExactly("DEFERRED", "SENT");
    }

    /** A loopback port nothing listens on (taken and let go at once). */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
