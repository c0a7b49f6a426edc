package com.invoicedelivery.invoice.suppression.application;

import com.invoicedelivery.invoice.suppression.persistence.SuppressionStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class SuppressionConfiguration {

    @Bean
    SuppressionStore suppressionStore(MongoTemplate mongo) {
        return new SuppressionStore(mongo);
    }

    @Bean
    Suppressions suppressions(SuppressionStore store) {
        return new Suppressions(store);
    }
}
