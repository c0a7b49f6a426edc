package com.invoicedelivery.kit.messaging;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.cloud.function.json.JacksonMapper;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * A consumer that lets Spring Cloud Function convert its records (a typed {@code Consumer<SomeRecord>}) has them read
 * with the service's own JSON settings. The platform's consumers of internal events do not: they read the raw record
 * through {@link IncomingEvents} (tolerant of new fields, strict about the major version), because the conversion
 * drops the reason of a record it cannot read. What follows holds for any other typed consumer: Kafka records are read with the service's own JSON settings, the same as its REST API: Spring Cloud Function's
 * default mapper ignores unknown fields, so a record with a field the event does not have would be read with that
 * field silently dropped. With this mapper it is refused and goes to the dead-letter topic with the reason.
 */
@AutoConfiguration(beforeName = "org.springframework.cloud.function.context.config.ContextFunctionCatalogAutoConfiguration")
@ConditionalOnClass(JacksonMapper.class)
public class StrictMessagingConfiguration {

    @Bean
    org.springframework.cloud.function.json.JsonMapper jsonMapper(JsonMapper serviceJsonMapper) {
        return new JacksonMapper(serviceJsonMapper);
    }
}
