package com.invoicedelivery.mail.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.testdata.BusClient;
import com.invoicedelivery.mail.testdata.Mailbox;
import com.invoicedelivery.mail.testdata.TestSends;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same path as {@link MailDispatchIntegrationTest}'s first test, against a real MongoDB and a real Kafka in
 * containers (GreenMail stays the SMTP server). Skipped where no Docker engine runs.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "mail.platform-domain=invoicedelivery.test")
class MailDispatchContainersTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Container
    // notablescan: a query no index serves fails here as it does on the strict embedded store
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0")
            .withCommand("--setParameter", "notablescan=1");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:3.8.0");
    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withPerMethodLifecycle(false);

    @Autowired
    JsonMapper json;
    @Autowired
    JobStore jobs;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("mail"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        TestIdentityProvider.trustIn(registry);
        registry.add("mail.smtp.host", () -> SMTP.getSmtp().getBindTo());
        registry.add("mail.smtp.port", () -> SMTP.getSmtp().getPort());
    }

    @Test
    void aSendOnRealKafkaAndMongoDbIsDeliveredAndPublishedAsSent() throws Exception {
        Recipient recipient = TestSends.recipient("containers@beta.example");
        SendDetails send = TestSends.send(DeliveryMode.LINK, Language.BG, recipient);

        try (BusClient bus = new BusClient(KAFKA.getBootstrapServers(), json)) {
            bus.publish(TestSends.documentReady("acme", send, TestSends.document(TestSends.PDF)));

            MimeMessage mail = new Mailbox(SMTP).await(recipient.email(), WAIT);
            EmailDeliveryStatusChanged sent = bus.awaitStatus(recipient.recipientId(), DeliveryStatus.SENT, WAIT);
            assertThat(sent.messageId()).isEqualTo(mail.getMessageID());
        }
        assertThat(jobs.find(DispatchJob.idOf(send.sendId(), recipient.recipientId())).orElseThrow().state())
                .isEqualTo(JobState.SENT);
    }
}
