package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;

class DeadLetterReplayConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DeadLetterReplayConfiguration.class));

    @Test
    void aWebServiceWithTheKafkaBinderHasTheEndpointsForOperations() {
        web.run(context -> {
            assertThat(context).hasSingleBean(DeadLetterController.class);
            assertThat(context.getBean(PathRoles.class))
                    .isEqualTo(PathRoles.anyMethod("/api/operations/dead-letters/**", Roles.OPERATIONS));
        });
    }

    @Test
    void withoutTheKafkaBinderThereIsNothingToReplay() {
        web.withClassLoader(new FilteredClassLoader(KafkaMessageChannelBinder.class))
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterReplay.class)
                        .doesNotHaveBean(PathRoles.class));
    }

    @Test
    void withoutAWebServerThereAreNoEndpoints() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DeadLetterReplayConfiguration.class))
                .run(context -> assertThat(context).doesNotHaveBean(DeadLetterController.class));
    }
}
