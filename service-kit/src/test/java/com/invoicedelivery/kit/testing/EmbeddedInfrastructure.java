package com.invoicedelivery.kit.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a service under test at the embedded infrastructure: a fresh database in the in-memory
 * MongoDB-wire server, the stand-in identity provider ({@link TestIdentityProvider}) for validating tokens by
 * its issuer URI and for the service's own tokens, and the test key pair personal links are sealed to
 * ({@link TestLinkSeal}). Kafka comes from {@code @EmbeddedKafka} (see {@link ServiceIntegrationTest}).
 */
public class EmbeddedInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger CONTEXTS = new AtomicInteger();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String service = context.getEnvironment().getProperty("spring.application.name", "service");
        String database = service.replace('-', '_') + "_test_" + CONTEXTS.incrementAndGet();
        Map<String, Object> properties = new HashMap<>(TestIdentityProvider.serviceProperties());
        properties.put("spring.mongodb.uri", EmbeddedMongo.uri(database));
        // personal links are sealed to mail-dispatch-service's key: invoice-service seals, mail-dispatch opens
        properties.put("invoice.links.seal-public-key", TestLinkSeal.publicKeyFile().toString());
        properties.put("mail.link-seal.private-key", TestLinkSeal.privateKeyFile().toString());
        context.getEnvironment().getPropertySources().addFirst(
                new MapPropertySource("embedded-infrastructure", properties));
    }
}
