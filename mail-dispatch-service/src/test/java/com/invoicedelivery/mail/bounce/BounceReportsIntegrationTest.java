package com.invoicedelivery.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.EventContractCheck;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.bounce.messaging.InboundSmtpServer;
import com.invoicedelivery.mail.dispatch.domain.BounceTokens;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.kit.testing.RawSmtpClient;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Reports come back to the bounce receiver over SMTP, as a mail server sends them: the samples of
 * {@code src/test/resources/com/invoicedelivery/mail/bounce} (one captured from Postfix, the others reconstructed),
 * rewritten to name an e-mail this service has just sent.
 */
class BounceReportsIntegrationTest extends WholeServiceTest {

    static final String BOUNCE_DOMAIN = "bounces." + DOMAIN;
    private static final String TENANT = "acme";

    @Autowired
    InboundSmtpServer receiver;
    @Autowired
    JobStore jobs;
    @Autowired
    MeterRegistry registry;

    private TopicProbe bounces;

    @BeforeEach
    void listen() {
        bounces = new TopicProbe(brokers, Topics.BOUNCES);
    }

    @AfterEach
    void stopListening() {
        bounces.close();
    }

    @Test
    void aPostfixDsnAboutASentEmailMakesItBouncedWithTheRemoteReasonAndAnnouncesIt() throws Exception {
        Sent sent = send("unknown-user");

        String reply = deliver(sent, "postfix-user-unknown.eml");

        assertThat(reply).startsWith("250");
        EmailBounced bounced = awaitBounce(sent);
        assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
        assertThat(bounced.status()).isEqualTo("5.1.1");
        assertThat(bounced.reason()).isEqualTo("550 5.1.1 <" + sent.email + ">: Recipient address rejected: User"
                + " unknown in virtual mailbox table");
        assertThat(bounced.reportingMta()).isEqualTo("mta.postfix.test");
        assertThat(bounced.sendId()).isEqualTo(sent.job.sendId());
        assertThat(bounced.recipientId()).isEqualTo(sent.job.recipientId());
        assertThat(bounced.messageId()).isEqualTo(sent.job.messageId());
        assertThat(bounced.email()).isEqualTo(sent.email);
        assertThat(bounced.tenantId()).isEqualTo(TENANT);
        JsonNode logged = api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT));
        assertThat(logged.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(logged.get("bounceReason").asText()).isEqualTo(bounced.reason());
        assertThat(logged.get("reports").get(0).get("reportingMta").asText()).isEqualTo("mta.postfix.test");
        JsonNode listed = api.getJson("/api/emails?sendId=" + sent.job.sendId(), TestTokens.user(TENANT)).get(0);
        assertThat(listed.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(listed.get("bounceReason").asText()).isEqualTo(bounced.reason());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "office365-recipient-not-found.eml, 5.1.10, 550 5.1.10 RESOLVER.ADR.RecipientNotFound",
        "gmail-no-such-user.eml, 5.1.1, 550-5.1.1 The email account that you tried to reach does not exist"})
    void exchangeAndGmailFailureReportsBounceTheirRecipientToo(String sample, String status, String reasonStart)
            throws Exception {
        Sent sent = send("hosted");

        assertThat(deliver(sent, sample)).startsWith("250");

        EmailBounced bounced = awaitBounce(sent);
        assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
        assertThat(bounced.status()).isEqualTo(status);
        assertThat(bounced.reason()).startsWith(reasonStart);
        assertThat(api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT)).get("status").asText())
                .isEqualTo("BOUNCED");
    }

    @Test
    void aComplaintIsAnnouncedAndNotedButTheEmailStaysSent() throws Exception {
        Sent sent = send("complains");

        assertThat(deliver(sent, "arf-abuse-complaint.eml")).startsWith("250");

        EmailBounced complaint = awaitBounce(sent);
        assertThat(complaint.kind()).isEqualTo(BounceKind.COMPLAINT);
        assertThat(complaint.reason()).isEqualTo("complaint (feedback type abuse, reported by Mailbox-Feedback/1.0)");
        JsonNode logged = api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT));
        assertThat(logged.get("status").asText()).isEqualTo("SENT");
        assertThat(logged.get("reports").get(0).get("kind").asText()).isEqualTo("COMPLAINT");
    }

    @Test
    void aDelayNoticeIsASoftBounceThatLeavesTheEmailSent() throws Exception {
        Sent sent = send("delayed");

        assertThat(deliver(sent, "postfix-delayed.eml")).startsWith("250");

        EmailBounced soft = awaitBounce(sent);
        assertThat(soft.kind()).isEqualTo(BounceKind.SOFT);
        assertThat(soft.status()).isEqualTo("4.4.1");
        assertThat(api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT)).get("status").asText())
                .isEqualTo("SENT");
    }

    @Test
    void theSameReportDeliveredTwiceIsRecordedAndAnnouncedOnce() throws Exception {
        Sent sent = send("twice");
        double duplicates = count("duplicate");

        deliver(sent, "postfix-user-unknown.eml");
        awaitBounce(sent);
        assertThat(deliver(sent, "postfix-user-unknown.eml")).startsWith("250");

        assertThat(count("duplicate")).isEqualTo(duplicates + 1);
        assertThat(bounces.drain(Duration.ofSeconds(2)).stream()
                .filter(record -> record.value().contains(sent.job.recipientId()))).hasSize(1);
        assertThat(api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT)).get("reports")).hasSize(1);
    }

    @Test
    void aReportNamingAnotherRecipientThanItsTokensEmailChangesNothingAndIsCountedAsForged() throws Exception {
        Sent sent = send("target");
        double forged = count("forged");
        byte[] report = sample("postfix-user-unknown.eml", sent).replace(sent.email, "someone.else@example.test")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(RawSmtpClient.deliver(receiver.port(), bounceAddress(sent), report)).startsWith("250");

        assertThat(count("forged")).isEqualTo(forged + 1);
        assertNothingRecorded(sent);
    }

    @Test
    void aReportAboutAnotherEmailThanItsTokensChangesNothingAndIsCountedAsForged() throws Exception {
        Sent sent = send("other-message");
        double forged = count("forged");
        byte[] report = sample("postfix-user-unknown.eml", sent).replace(sent.job.messageId(),
                "<" + UUID.randomUUID() + "@" + DOMAIN + ">").getBytes(StandardCharsets.UTF_8);

        RawSmtpClient.deliver(receiver.port(), bounceAddress(sent), report);

        assertThat(count("forged")).isEqualTo(forged + 1);
        assertNothingRecorded(sent);
    }

    @Test
    void aReportToATokenNoJobHasChangesNothingAndIsCountedAsUnmatched() throws Exception {
        Sent sent = send("guessed");
        double unmatched = count("unmatched");
        String guessed = BounceTokens.next();
        byte[] report = sample("postfix-user-unknown.eml", sent).replace(sent.job.bounceToken(), guessed)
                .getBytes(StandardCharsets.UTF_8);

        assertThat(RawSmtpClient.deliver(receiver.port(), "bounces+" + guessed + "@" + BOUNCE_DOMAIN, report))
                .startsWith("250");

        assertThat(count("unmatched")).isEqualTo(unmatched + 1);
        assertNothingRecorded(sent);
    }

    @Test
    void theReceiverRelaysNothingAndRefusesWhatIsTooLarge() {
        byte[] report = "Subject: x\r\n\r\nx\r\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(RawSmtpClient.deliver(receiver.port(), "someone@example.test", report)).startsWith("550");
        byte[] huge = ("Subject: big\r\n\r\n" + "x".repeat(80) + "\r\n").repeat(4000).getBytes(StandardCharsets.US_ASCII);
        assertThat(RawSmtpClient.deliver(receiver.port(), "bounces+" + BounceTokens.next() + "@" + BOUNCE_DOMAIN,
                huge)).startsWith("552");
    }

    private void assertNothingRecorded(Sent sent) {
        assertThat(bounces.drain(Duration.ofSeconds(1)).stream()
                .filter(record -> record.value().contains(sent.job.recipientId()))).isEmpty();
        JsonNode logged = api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT));
        assertThat(logged.get("status").asText()).isEqualTo("SENT");
        assertThat(logged.get("reports")).isEmpty();
    }

    private double count(String result) {
        var counter = registry.find("mail.inbound.reports").tag("result", result).counter();
        return counter == null ? 0 : counter.count();
    }

    /** Sends a link-mode e-mail through the platform's server (GreenMail) and waits until it is SENT and logged. */
    private Sent send(String name) throws Exception {
        String email = name + "-" + UUID.randomUUID() + "@example.test";
        Recipient recipient = TestSends.recipient(email);
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        MimeMessage mail = mailbox.await(email, WAIT);
        bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);
        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        assertThat(job.bounceToken()).matches("[a-z2-7]{26}");
        assertThat(mail.getHeader("Return-Path", null)).isEqualTo("<" + bounceAddress(job) + ">");
        return new Sent(job, email);
    }

    private String deliver(Sent sent, String sample) {
        return RawSmtpClient.deliver(receiver.port(), bounceAddress(sent),
                sample(sample, sent).getBytes(StandardCharsets.UTF_8));
    }

    /** The sample, naming the job's token, recipient and Message-ID instead of its own. */
    static String sample(String name, Sent sent) {
        String text = Samples.text(name);
        return text.replace(Samples.tokenOf(name), sent.job.bounceToken())
                .replace(Samples.recipientOf(name), sent.email)
                .replace(Samples.messageIdOf(name), sent.job.messageId());
    }

    private EmailBounced awaitBounce(Sent sent) {
        ConsumerRecord<String, String> record = EventContractCheck.documented(bounces.await(
                candidate -> candidate.value().contains(sent.job.recipientId()), WAIT));
        assertThat(record.key()).isEqualTo(sent.job.sendId());
        assertThat(TopicProbe.header(record, "ce_type")).isEqualTo("com.invoicedelivery.EmailBounced");
        return json.readValue(record.value(), EmailBounced.class);
    }

    private static String bounceAddress(Sent sent) {
        return bounceAddress(sent.job);
    }

    private static String bounceAddress(DispatchJob job) {
        return "bounces+" + job.bounceToken() + "@" + BOUNCE_DOMAIN;
    }

    record Sent(DispatchJob job, String email) {
    }
}
