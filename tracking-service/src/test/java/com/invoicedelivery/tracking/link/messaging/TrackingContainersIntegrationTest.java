package com.invoicedelivery.tracking.link.messaging;

import com.invoicedelivery.kit.testing.PdfServiceStub;
import com.invoicedelivery.kit.testing.TestIdentityProvider;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same scenarios as {@link TrackingFlowIntegrationTest}, against a real MongoDB (replica set) and a real
 * Kafka broker in containers. Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackingContainersIntegrationTest {

    @Container
    // notablescan: a query no index serves fails here as it does on the strict embedded store
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0")
            .withCommand("--setParameter", "notablescan=1");
    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:3.8.0");

    private static final PdfServiceStub PDF_SERVICE = PdfServiceStub.start();

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    LinkStore links;
    @Autowired
    MongoTemplate mongo;
    @Autowired
    MeterRegistry meters;

    private LinkFlows flows;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("tracking"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        TestIdentityProvider.trustIn(registry);
        registry.add("PDF_SERVICE_URL", PDF_SERVICE::url);
    }

    @BeforeEach
    void connect() {
        flows = new LinkFlows(KAFKA.getBootstrapServers(), port, json, links, mongo, PDF_SERVICE, meters);
    }

    @AfterEach
    void disconnect() {
        flows.close();
    }

    @Test
    void aSendFromTheBusIsWalkedByItsClientAndEveryStepIsPublished() throws Exception {
        flows.aSendIsWalkedByItsClientAndEveryStepIsPublished();
    }

    @Test
    void anAttachmentSendHasNoLinks() throws Exception {
        flows.anAttachmentSendHasNoLinks();
    }

    @Test
    void aSendWithoutUsableTokensGoesToTheDeadLetterTopic() throws Exception {
        flows.aSendWithoutUsableTokensIsDeadLettered();
    }

    @Test
    void anEventNamingAnotherTenantForAnExistingLinkChangesNothingAndIsDeadLettered() throws Exception {
        flows.anEventNamingAnotherTenantForAnExistingLinkChangesNothingAndIsDeadLettered();
    }
}
