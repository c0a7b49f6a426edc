package com.invoicedelivery.tracking.link.application;

import com.invoicedelivery.tracking.link.domain.MachineSuspicion;
import com.invoicedelivery.tracking.link.persistence.SpentFormTokenStore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** The link rules that configuration may tune (see {@code tracking.links.*} in application.yml). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkProperties.class)
class LinkSettings {

    @Bean
    MachineSuspicion machineSuspicion(LinkProperties properties) {
        LinkProperties.SuspectedMachine machines = properties.suspectedMachine();
        return new MachineSuspicion(machines.deliveryWindow(), machines.extraUserAgents());
    }

    /** Spent form tokens are remembered as long as configured (persistence takes no configuration itself). */
    @Bean
    SpentFormTokenStore spentFormTokenStore(MongoTemplate mongo, LinkProperties properties) {
        return new SpentFormTokenStore(mongo, properties.formTokenRetention());
    }
}
