package com.invoicedelivery.tracking.consent.application;

import com.invoicedelivery.tracking.consent.persistence.ConsentStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsentConfiguration {

    @Bean
    Consents consents(ConsentStore store) {
        return new Consents(store);
    }
}
