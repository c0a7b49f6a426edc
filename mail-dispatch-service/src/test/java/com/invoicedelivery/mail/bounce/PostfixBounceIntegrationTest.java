package com.invoicedelivery.mail.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.PrivatePostfix;
import com.invoicedelivery.kit.testing.TestTokens;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.mail.bounce.messaging.InboundSmtpServer;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.kit.testing.RawSmtpClient;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import com.invoicedelivery.mail.testdata.WholeServiceTest;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A bounce written by a real mail server: the e-mail this service sent (through GreenMail, the platform's server of
 * these tests, which records its envelope sender as Return-Path) is relayed by a private Postfix
 * ({@link PrivatePostfix}) with that envelope sender, the job's bounce address, to the recipient's server, a scripted
 * one that refuses the recipient after Postfix has taken the message (550 5.1.1). Postfix writes its own DSN to the
 * bounce address and its transport map delivers it to this service's receiver. Nothing in the DSN is written by the
 * test. (The test shares the other suites' context, hence GreenMail in front: a second context with Postfix as the
 * platform's server would run a second embedded broker, whose address Spring publishes JVM-wide.)
 */
class PostfixBounceIntegrationTest extends WholeServiceTest {

    private static final String REMOTE_REFUSAL = "550 5.1.1 <%s>: Recipient address rejected: User unknown in"
            + " virtual mailbox table";
    private static final String TENANT = "acme";

    @Autowired
    InboundSmtpServer receiver;
    @Autowired
    JobStore jobs;

    @BeforeAll
    static void requirePostfix() {
        PrivatePostfix.assumeRunnable();
    }

    @Test
    void anEmailThatPostfixAcceptsAndTheRecipientsServerThenRefusesEndsBouncedWithTheRemoteReason()
            throws Exception {
        String email = "nobody-" + UUID.randomUUID() + "@example.test";
        Recipient recipient = TestSends.recipient(email);
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.EN, recipient);
        bus.publish(TestSends.documentReady(TENANT, send, TestSends.document(TestSends.PDF)));
        MimeMessage mail = mailbox.await(email, WAIT);
        String sentMessageId = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT).messageId();
        DispatchJob job = jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow();
        String envelopeSender = mail.getHeader("Return-Path", null).replaceAll("[<>]", "").trim();
        assertThat(envelopeSender).isEqualTo("bounces+" + job.bounceToken() + "@" + BounceReportsIntegrationTest.BOUNCE_DOMAIN);

        try (ScriptedSmtpServer remote = ScriptedSmtpServer.start().replying("RCPT", REMOTE_REFUSAL.formatted(email));
             PrivatePostfix postfix = PrivatePostfix.start(Map.of("example.test", remote.port(),
                     BounceReportsIntegrationTest.BOUNCE_DOMAIN, receiver.port()));
             TopicProbe bounces = new TopicProbe(brokers, Topics.BOUNCES)) {
            assertThat(RawSmtpClient.relay(postfix.port(), envelopeSender, email, withoutReturnPath(mail)))
                    .as("Postfix accepts the e-mail").startsWith("250");

            ConsumerRecord<String, String> record;
            try {
                record = bounces.await(candidate -> candidate.value().contains(recipient.recipientId()), WAIT);
            } catch (AssertionError e) {
                throw new AssertionError("no bounce announced; Postfix's log:\n" + postfix.log(), e);
            }
            EmailBounced bounced = json.readValue(record.value(), EmailBounced.class);
            assertThat(postfix.log()).contains("from=<" + envelopeSender + ">").contains("status=bounced")
                    .contains("sender non-delivery notification");
            assertThat(bounced.kind()).isEqualTo(BounceKind.HARD);
            assertThat(bounced.status()).isEqualTo("5.1.1");
            assertThat(bounced.reason()).isEqualTo(REMOTE_REFUSAL.formatted(email));
            assertThat(bounced.reportingMta()).isEqualTo("mta.postfix.test");
            assertThat(bounced.messageId()).isEqualTo(sentMessageId);
        }
        JsonNode logged = api.getJson("/api/emails/" + job.id(), TestTokens.user(TENANT));
        assertThat(logged.get("status").asText()).isEqualTo("BOUNCED");
        assertThat(logged.get("bounceReason").asText()).isEqualTo(REMOTE_REFUSAL.formatted(email));
    }

    private static byte[] withoutReturnPath(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out, new String[] {"Return-Path"});
        return out.toByteArray();
    }
}
