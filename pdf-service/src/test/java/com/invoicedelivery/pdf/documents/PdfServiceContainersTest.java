package com.invoicedelivery.pdf.documents;

import com.invoicedelivery.kit.testing.TestIdentityProvider;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The same scenarios against real MongoDB (GridFS, unique index) and a real Kafka broker, where a Docker engine
 * exists; skipped where none does. {@code @Testcontainers} comes first so the containers outlive the Spring
 * context, which is closed with the class.
 */
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class PdfServiceContainersTest extends PdfServiceScenarios {

    @Container
    // notablescan: a query no index serves fails here as it does on the strict embedded store
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0")
            .withCommand("--setParameter", "notablescan=1");

    @Container
    static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @DynamicPropertySource
    static void realInfrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("pdf"));
        registry.add("spring.cloud.stream.kafka.binder.brokers", KAFKA::getBootstrapServers);
        TestIdentityProvider.trustIn(registry);
    }
}
