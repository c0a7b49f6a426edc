package com.invoicedelivery.tracking.logo.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class LogoPersistenceConfiguration {

    @Bean
    LogoStore logoStore(MongoTemplate mongo) {
        return new LogoStore(mongo);
    }
}
