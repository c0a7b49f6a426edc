package com.invoicedelivery.kit.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * Adds the settings every service shares (Kafka producer guarantees, actuator probes, HTTP client timeouts,
 * strict JSON) with the lowest precedence, so a service's own {@code application.yml} or the environment
 * overrides any of them. Also maps the short environment variables of the README onto their properties, where set:
 * JWT_ISSUER_URI and JWT_JWK_SET_URI onto Spring Security's, OAUTH_CLIENT_SECRET and OAUTH_TOKEN_URI onto the kit's
 * {@code platform.oauth-client.*} (a blank value would otherwise count as set), and KAFKA_USERNAME with KAFKA_PASSWORD
 * onto the login line of every Kafka client ({@link KafkaSasl}). And puts actuator on its own port, the API's plus
 * {@value #MANAGEMENT_PORT_OFFSET}, so the API port serves the API only.
 */
public class ServiceKitDefaults implements EnvironmentPostProcessor {

    static final String DEFAULTS = "service-kit-defaults.properties";
    static final String KAFKA_CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration.";
    static final String KAFKA_JAAS_CONFIG = KAFKA_CONFIGURATION + "sasl.jaas.config";
    static final String MANAGEMENT_PORT = "management.server.port";
    /** Actuator's port is the API's plus this: one rule for every service, replica and deployment. */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;
    private static final int DEFAULT_SERVER_PORT = 8080;

    private static final Map<String, String> SHORT_ENVIRONMENT_NAMES = Map.of(
            "JWT_ISSUER_URI", "spring.security.oauth2.resourceserver.jwt.issuer-uri",
            "JWT_JWK_SET_URI", "spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
            "OAUTH_CLIENT_SECRET", "platform.oauth-client.client-secret",
            "OAUTH_TOKEN_URI", "platform.oauth-client.token-uri");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            environment.getPropertySources().addLast(new ResourcePropertySource("service-kit-defaults",
                    new ClassPathResource(DEFAULTS, ServiceKitDefaults.class.getClassLoader())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULTS, e);
        }
        Map<String, Object> mapped = new LinkedHashMap<>();
        SHORT_ENVIRONMENT_NAMES.forEach((variable, property) -> {
            String value = environment.getProperty(variable);
            if (value != null && !value.isBlank() && !environment.containsProperty(property)) {
                mapped.put(property, value);
            }
        });
        kafkaLogin(environment).ifPresent(line -> mapped.put(KAFKA_JAAS_CONFIG, line));
        managementPort(environment).ifPresent(port -> mapped.put(MANAGEMENT_PORT, port));
        if (!mapped.isEmpty()) {
            environment.getPropertySources().addLast(new MapPropertySource("service-kit-environment", mapped));
        }
    }

    /**
     * Actuator's own port, apart from the API's: the API port plus {@value #MANAGEMENT_PORT_OFFSET} (8081 → 9081, the
     * image's 8080 → 9080), unless {@code management.server.port} (MANAGEMENT_SERVER_PORT) is given. A random API port
     * (tests) gets a random management port; a disabled one (-1) none.
     */
    static Optional<Integer> managementPort(ConfigurableEnvironment environment) {
        if (environment.containsProperty(MANAGEMENT_PORT)) {
            return Optional.empty();
        }
        int serverPort = environment.getProperty("server.port", Integer.class, DEFAULT_SERVER_PORT);
        if (serverPort < 0) {
            return Optional.empty();
        }
        return Optional.of(serverPort == 0 ? 0 : serverPort + MANAGEMENT_PORT_OFFSET);
    }

    /**
     * The binder's login line from KAFKA_USERNAME and KAFKA_PASSWORD, unless the line is given whole. A user name
     * without a password fails the start: the service would otherwise run, unable to reach the bus.
     */
    static Optional<String> kafkaLogin(ConfigurableEnvironment environment) {
        String username = environment.getProperty("KAFKA_USERNAME");
        if (username == null || username.isBlank() || environment.containsProperty(KAFKA_JAAS_CONFIG)) {
            return Optional.empty();
        }
        String password = environment.getProperty("KAFKA_PASSWORD");
        if (password == null || password.isEmpty()) {
            throw new IllegalStateException("KAFKA_USERNAME is set but KAFKA_PASSWORD is not");
        }
        String mechanism = environment.getProperty(KAFKA_CONFIGURATION + "sasl.mechanism", "SCRAM-SHA-512");
        return Optional.of(KafkaSasl.jaasConfig(mechanism, username.trim(), password));
    }
}
