package com.invoicedelivery.tracking.consent.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class ConsentPersistenceConfiguration {

    @Bean
    ConsentStore consentStore(MongoTemplate mongo) {
        return new ConsentStore(mongo);
    }
}
