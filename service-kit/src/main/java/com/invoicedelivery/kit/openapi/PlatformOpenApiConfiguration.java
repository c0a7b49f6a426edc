package com.invoicedelivery.kit.openapi;

import com.invoicedelivery.kit.security.PathRoles;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** Every service's OpenAPI document at {@code /v3/api-docs} says the platform's shared parts the same way. */
@AutoConfiguration
public class PlatformOpenApiConfiguration {

    @Bean
    PlatformOpenApi platformOpenApi(Environment environment, ObjectProvider<PathRoles> pathRoles) {
        // Boot's own property, which has no typed holder to inject
        return new PlatformOpenApi(environment.getProperty("spring.application.name", "service"),
                pathRoles.orderedStream().toList());
    }
}
