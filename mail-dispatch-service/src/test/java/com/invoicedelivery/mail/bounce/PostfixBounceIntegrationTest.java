package com.invoicedelivery.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.testdata.BusClient;
import com.invoicedelivery.kit.testing.PrivatePostfix;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.mail.testdata.TestApi;
import com.invoicedelivery.mail.testdata.TestSends;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole path of a bounce with a real mail server: the platform's SMTP server is a private Postfix
 * ({@link PrivatePostfix}), which accepts the e-mail (SENT), relays it to the recipient's server (a scripted one on
 * loopback that refuses the recipient after Postfix has taken the message: 550 5.1.1), and writes its own DSN to the
 * e-mail's envelope sender, the job's bounce address, which its transport map sends to this service's receiver.
 * Nothing in the DSN is written by the test.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "mail.platform-domain=invoicedelivery.test",
        "mail.bounces.domain=" + PostfixBounceIntegrationTest.BOUNCE_DOMAIN,
        "mail.dispatch.poll-interval=200ms",
        "platform.outbox.poll-interval=200ms",
        "mail.smtp.connect-timeout=2s",
        "mail.smtp.read-timeout=10s"})
class PostfixBounceIntegrationTest {

    static final String BOUNCE_DOMAIN = "bounces.invoicedelivery.test";
    private static final String TENANT = "acme";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String REMOTE_REFUSAL = "550 5.1.1 <%s>: Recipient address rejected: User unknown in"
            + " virtual mailbox table";

    /** The recipient's mail server: takes the connection, refuses the recipient. */
    private static final ScriptedSmtpServer REMOTE = ScriptedSmtpServer.start();
    private static final int RECEIVER_PORT = PrivatePostfix.freePort();
    private static PrivatePostfix postfix;
    private static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();

    @LocalServerPort
    int port;
    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;
    @Autowired
    JobStore jobs;

    /** Before the context: where Postfix cannot run, the class is skipped (failed on CI) without starting it. */
    @BeforeAll
    static void requirePostfix() {
        PrivatePostfix.assumeRunnable();
    }

    @DynamicPropertySource
    static void postfixAsThePlatformsServer(DynamicPropertyRegistry registry) {
        postfix = PrivatePostfix.start(Map.of("example.test", REMOTE.port(), BOUNCE_DOMAIN, RECEIVER_PORT));
        registry.add("mail.smtp.host", () -> "127.0.0.1");
        registry.add("mail.smtp.port", postfix::port);
        registry.add("mail.bounces.inbound.port", () -> RECEIVER_PORT);
        registry.add("platform.pdf-service.url", PDF_SERVICE::url);
    }

    @AfterAll
    static void stopServers() throws Exception {
        if (postfix != null) {
            postfix.close();
        }
        REMOTE.close();
    }

    @Test
    void anEmailThatPostfixAcceptsAndTheRecipientsServerThenRefusesEndsBouncedWithTheRemoteReason()
            throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        REMOTE.replying("RCPT", REMOTE_REFUSAL.formatted(email));
        Recipient recipient = TestSends.recipient(email);
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);

        try (BusClient bus = new BusClient(brokers, json); TopicProbe bounces = new TopicProbe(brokers, Topics.BOUNCES)) {
            bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));

            EmailDeliveryStatusChanged sent = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);
            assertThat(sent.smtpReply()).startsWith("250");
            ConsumerRecord<String, String> record;
            try {
                record = bounces.await(candidate -> candidate.value().contains(recipient.recipientId()), WAIT);
            } catch (AssertionError e) {
                throw new AssertionError("no bounce announced; Postfix's log:\n" + postfix.log(), e);
            }
            EmailBounced bounced = json.readValue(record.value(), EmailBounced.class);
            DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();

            assertThat(postfix.log()).contains("from=<bounces+" + job.bounceToken() + "@" + BOUNCE_DOMAIN + ">")
                    .contains("status=bounced");
            assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
            assertThat(bounced.status()).isEqualTo("5.1.1");
            assertThat(bounced.reason()).isEqualTo(REMOTE_REFUSAL.formatted(email));
            assertThat(bounced.reportingMta()).isEqualTo("mta.postfix.test");
            assertThat(bounced.messageId()).isEqualTo(sent.messageId());
            JsonNode logged = new TestApi(port, json).getJson("/api/emails/" + job.id(), TestTokens.user(TENANT));
            assertThat(logged.get("status").asText()).isEqualTo("BOUNCED");
            assertThat(logged.get("bounceReason").asText()).isEqualTo(REMOTE_REFUSAL.formatted(email));
        }
    }
}
