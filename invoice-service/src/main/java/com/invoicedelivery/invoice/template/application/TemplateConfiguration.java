package com.invoicedelivery.invoice.template.application;

import java.time.Clock;

import com.invoicedelivery.invoice.template.persistence.TemplateStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class TemplateConfiguration {

    @Bean
    TemplateStore templateStore(MongoTemplate mongo) {
        return new TemplateStore(mongo);
    }

    @Bean
    Templates templates(TemplateStore store, Clock clock) {
        return new Templates(store, clock);
    }
}
