package com.invoicedelivery.kit.deadletter;

import com.invoicedelivery.kit.security.PathRoles;
import com.invoicedelivery.kit.security.Roles;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.cloud.stream.binder.kafka.KafkaMessageChannelBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Dead-letter replay in every service that reads Kafka through the binder: {@code GET /api/operations/dead-letters}
 * and {@code POST /api/operations/dead-letters/{binding}/replay}, for the operations role only.
 */
@AutoConfiguration
@ConditionalOnClass(KafkaMessageChannelBinder.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class DeadLetterReplayConfiguration {

    @Bean
    DeadLetterReplay deadLetterReplay(Environment environment) {
        return new DeadLetterReplay(DeadLetterBindings.from(environment), KafkaClientSettings.from(environment));
    }

    @Bean
    DeadLetterController deadLetterController(DeadLetterReplay deadLetterReplay) {
        return new DeadLetterController(deadLetterReplay);
    }

    /**
     * Applied before every rule of the service itself: a service's catch-all such as "{@code /api/**} is for tenant
     * users" must not decide on these paths.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    PathRoles deadLettersAreForOperations() {
        return PathRoles.anyMethod(DeadLetterController.PATH + "/**", Roles.OPERATIONS);
    }
}
