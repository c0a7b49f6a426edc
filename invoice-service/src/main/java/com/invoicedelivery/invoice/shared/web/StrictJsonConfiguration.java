package com.invoicedelivery.invoice.shared.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * A yes/no field takes {@code true} or {@code false}, nothing else: Jackson would otherwise read any number as a
 * boolean ({@code "attachInvoices": 2} as true), and a typo in a request would switch a setting on.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer booleansAreBooleans() {
        return builder -> builder.withCoercionConfig(LogicalType.Boolean, config -> config
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail));
    }
}
