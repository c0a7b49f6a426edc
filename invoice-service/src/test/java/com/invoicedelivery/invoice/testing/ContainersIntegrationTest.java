package com.invoicedelivery.invoice.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The whole service on a random port against a real MongoDB and a real Kafka broker in containers
 * ({@link RealInfrastructure}), where a Docker engine exists; the test class is skipped where none does (the
 * embedded run, {@code @ServiceIntegrationTest}, covers the same scenarios there).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Testcontainers(disabledWithoutDocker = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = RealInfrastructure.class)
@TestPropertySource(properties = "invoice.links.base-url=http://links.test")
public @interface ContainersIntegrationTest {
}
