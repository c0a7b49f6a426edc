package com.invoicedelivery.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import com.invoicedelivery.kit.deadletter.KafkaClientSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.MapPropertySource;

class ServiceKitDefaultsTest {

    @Test
    void withoutKafkaVariablesEveryClientConnectsInPlainTextWithoutLogin() {
        StandardEnvironment environment = environment(Map.of());

        assertThat(KafkaClientSettings.from(environment).common())
                .containsEntry("security.protocol", "PLAINTEXT")
                .doesNotContainKey("sasl.jaas.config");
    }

    @Test
    void theKafkaVariablesBecomeTheLoginOfTheBinderAndOfTheDeadLetterReplay() {
        StandardEnvironment environment = environment(Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-256", "KAFKA_USERNAME", "pdf-service", "KAFKA_PASSWORD", "s\"cret"));

        assertThat(KafkaClientSettings.from(environment).common())
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-256")
                .containsEntry("sasl.jaas.config", KafkaSasl.jaasConfig("SCRAM-SHA-256", "pdf-service", "s\"cret"));
    }

    @Test
    void aUserNameWithoutPasswordStopsTheStart() {
        assertThatThrownBy(() -> environment(Map.of("KAFKA_USERNAME", "pdf-service")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("KAFKA_PASSWORD");
    }

    @Test
    void actuatorIsOnTheApiPortPlusAThousandUnlessGivenAndRandomWhenTheApiPortIs() {
        assertThat(environment(Map.of("server.port", "8081")).getProperty("management.server.port")).isEqualTo("9081");
        assertThat(environment(Map.of()).getProperty("management.server.port")).as("Boot's 8080").isEqualTo("9080");
        assertThat(environment(Map.of("server.port", "8081", "management.server.port", "7000"))
                .getProperty("management.server.port")).isEqualTo("7000");
        assertThat(environment(Map.of("server.port", "0")).getProperty("management.server.port")).isEqualTo("0");
        assertThat(environment(Map.of("server.port", "-1")).getProperty("management.server.port")).isNull();
    }

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new ServiceKitDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }
}
