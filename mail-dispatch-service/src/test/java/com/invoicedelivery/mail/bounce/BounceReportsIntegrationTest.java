package com.invoicedelivery.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

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
import com.invoicedelivery.mail.bounce.application.BounceIntake;
import com.invoicedelivery.mail.bounce.messaging.InboundSmtpServer;
import com.invoicedelivery.mail.dispatch.application.BounceProperties;
import com.invoicedelivery.mail.dispatch.domain.BounceTokens;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.kit.testing.RawSmtpClient;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ssl.SslBundles;
import tools.jackson.databind.JsonNode;

/**
 * Reports come back to the bounce receiver over SMTP, as a mail server sends them: the samples of
 * {@code src/test/resources/com/invoicedelivery/mail/bounce} (captured from Postfix, Exchange Online and Google; a
 * delay notice and a complaint edited or reconstructed by hand), rewritten to name an e-mail this service has just
 * sent.
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
    @Autowired
    BounceIntake intake;
    @Autowired
    BounceProperties properties;
    @Autowired
    SslBundles sslBundles;

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

    /**
     * The whole path with reports captured from Exchange Online and Google (sisimai's corpus): the e-mail goes to
     * the very recipient the report names, and the report comes to its bounce address (the envelope, as a real one
     * would). In the report's bytes only one header is rewritten: the {@code Message-ID} of the e-mail it quotes
     * (its {@code message/rfc822} part), which names someone else's e-mail and must name ours to be believed.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "email-office365-04.eml | 5.1.351 | 550 5.1.351 Remote server returned unknown recipient or mailbox"
            + " unavailable -> 550 : User unknown",
        "email-gsuite-12.eml | 5.0.0 | Your email to group kijitora@example.com was rejected due to spam"
            + " classification."})
    void capturedExchangeAndGoogleFailureReportsBounceTheirRecipientWithTheRemoteReason(String sample, String status,
                                                                                       String reasonStart)
            throws Exception {
        String[] captured = Samples.CAPTURED.get(sample);
        Sent sent = sendTo(captured[0]);
        String text = Samples.text(sample);
        assertThat(text).containsOnlyOnce(captured[1]).doesNotContain(sent.job.bounceToken());
        byte[] report = text.replace(captured[1], "\nMessage-ID: " + sent.job.messageId() + "\n")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(RawSmtpClient.deliver(receiver.port(), bounceAddress(sent), report)).startsWith("250");

        EmailBounced bounced = awaitBounce(sent);
        assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
        assertThat(bounced.status()).isEqualTo(status);
        assertThat(bounced.reason()).startsWith(reasonStart);
        assertThat(bounced.email()).isEqualTo(captured[0]);
        JsonNode logged = api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT));
        assertThat(logged.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(logged.get("bounceReason").asText()).isEqualTo(bounced.reason());
    }

    @Test
    void aCapturedReportWhoseQuotedMessageIdIsNotRewrittenIsCountedAsForged() throws Exception {
        String[] captured = Samples.CAPTURED.get("email-office365-04.eml");
        Sent sent = sendTo(captured[0]);
        double forged = count("forged");

        assertThat(RawSmtpClient.deliver(receiver.port(), bounceAddress(sent),
                Samples.text("email-office365-04.eml").getBytes(StandardCharsets.UTF_8))).startsWith("250");

        assertThat(count("forged")).isEqualTo(forged + 1);
        assertNothingRecorded(sent);
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

    @Test
    void aServerThatStartsTlsDeliversItsReportEncryptedAndTheEmailBounces() throws Exception {
        Sent sent = send("over-tls");

        String reply = deliverOverTls(receiver.port(), bounceAddress(sent),
                sample("postfix-user-unknown.eml", sent).getBytes(StandardCharsets.UTF_8));

        assertThat(reply).startsWith("250");
        EmailBounced bounced = awaitBounce(sent);
        assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
        assertThat(bounced.status()).isEqualTo("5.1.1");
        assertThat(api.getJson("/api/emails/" + sent.job.id(), TestTokens.user(TENANT)).get("status").asText())
                .isEqualTo("BOUNCED");
    }

    @Test
    void aServerWithoutTlsStillDeliversWhenTlsIsOfferedButNotRequired() throws Exception {
        assertThat(receiver.offersTls()).isTrue();
        assertThat(ehlo(receiver.port())).contains("250-STARTTLS");
        Sent sent = send("plain");

        assertThat(deliver(sent, "postfix-user-unknown.eml")).startsWith("250");

        assertThat(awaitBounce(sent).kind()).isEqualTo(BounceKind.HARD);
    }

    @Test
    void aReceiverThatRequiresTlsRefusesAPlainDeliveryWith530AndTakesAnEncryptedOne() throws Exception {
        BounceProperties.Inbound settings = properties.inbound();
        BounceProperties.Inbound requiring = new BounceProperties.Inbound(true, "127.0.0.1", 0,
                settings.maxMessageSize(), settings.connectionTimeout(), 2, 1,
                new BounceProperties.Tls(settings.tls().bundle(), true));
        InboundSmtpServer strict = new InboundSmtpServer(intake, requiring, BOUNCE_DOMAIN,
                InboundSmtpServer.StartTls.of(sslBundles.getBundle(settings.tls().bundle()), true));
        strict.start();
        try {
            Sent sent = send("tls-required");
            byte[] report = sample("postfix-user-unknown.eml", sent).getBytes(StandardCharsets.UTF_8);

            assertThat(RawSmtpClient.deliver(strict.port(), bounceAddress(sent), report))
                    .startsWith("530");
            assertThat(bounces.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> record.value().contains(sent.job.recipientId()))).isEmpty();

            assertThat(deliverOverTls(strict.port(), bounceAddress(sent), report)).startsWith("250");
            assertThat(awaitBounce(sent).kind()).isEqualTo(BounceKind.HARD);
        } finally {
            strict.stop();
        }
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
        return sendTo(name + "-" + UUID.randomUUID() + "@example.test");
    }

    private Sent sendTo(String email) throws Exception {
        Recipient recipient = TestSends.recipient(email);
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);
        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        assertThat(job.bounceToken()).matches("[a-z2-7]{26}");
        // this job's e-mail, with its bounce address as envelope sender (the captured samples' recipients get several)
        String returnPath = "<" + bounceAddress(job) + ">";
        Awaitility.await("the e-mail of job " + job.id()).atMost(WAIT).until(() -> mailbox.to(email).stream()
                .anyMatch(mail -> returnPath.equals(header(mail, "Return-Path"))));
        return new Sent(job, email);
    }

    private static String header(MimeMessage mail, String name) {
        try {
            return mail.getHeader(name, null);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String deliver(Sent sent, String sample) {
        return RawSmtpClient.deliver(receiver.port(), bounceAddress(sent),
                sample(sample, sent).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Delivers as a mail server with opportunistic TLS does, with Angus Mail: EHLO, STARTTLS (required: no plain
     * fallback), the handshake trusting only the test certificate and checking it names the host, EHLO again, then
     * the message from the null sender.
     */
    private static String deliverOverTls(int port, String recipient, byte[] message) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.socketFactory", trustingTheTestCertificate().getSocketFactory());
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.localhost", "mx.sender.test");
        props.put("mail.smtp.connectiontimeout", "10000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        SMTPMessage mail = new SMTPMessage(session, new ByteArrayInputStream(message));
        mail.setEnvelopeFrom("<>");
        try (SMTPTransport transport = (SMTPTransport) session.getTransport("smtp")) {
            transport.connect("127.0.0.1", port, null, null);
            assertThat(transport.isSSL()).as("the session went over to TLS").isTrue();
            transport.sendMessage(mail, new Address[] {new InternetAddress(recipient)});
            return transport.getLastServerResponse();
        }
    }

    private static SSLContext trustingTheTestCertificate() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = BounceReportsIntegrationTest.class.getResourceAsStream("/tls/bounce-receiver.crt")) {
            trusted.setCertificateEntry("bounce-receiver", CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    /** The receiver's reply to EHLO, every line. */
    private static String ehlo(int port) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            in.readLine();
            socket.getOutputStream().write("EHLO mx.sender.test\r\n".getBytes(StandardCharsets.US_ASCII));
            StringBuilder reply = new StringBuilder();
            for (int i = 0; i < 50; i++) {
                String line = in.readLine();
                if (line == null) {
                    break;
                }
                reply.append(line).append('\n');
                if (line.length() < 4 || line.charAt(3) != '-') {
                    break;
                }
            }
            socket.getOutputStream().write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return reply.toString();
        }
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
