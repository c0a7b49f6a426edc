package com.invoicedelivery.invoice.testing;

import java.util.HashMap;
import java.util.Map;

import com.invoicedelivery.kit.testing.TestIdentityProvider;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Points the service under test at a real MongoDB and a real Kafka broker in containers, and at the stand-in
 * identity provider for validating tokens. The containers start with the first context that needs them and serve every
 * {@link ContainersIntegrationTest} class; they outlive the Spring contexts, and Testcontainers removes them when
 * the test run ends.
 */
public class RealInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    // notablescan: a query no index serves fails here as it does on the strict embedded store
    private static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0")
            .withCommand("--setParameter", "notablescan=1");
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.0");

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // starting a running container does nothing, so every context may ask
        Startables.deepStart(MONGO, KAFKA).join();
        Map<String, Object> properties = new HashMap<>(TestIdentityProvider.serviceProperties());
        properties.put("spring.mongodb.uri", MONGO.getReplicaSetUrl("invoice"));
        properties.put("spring.cloud.stream.kafka.binder.brokers", KAFKA.getBootstrapServers());
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("real-infrastructure", properties));
    }
}
