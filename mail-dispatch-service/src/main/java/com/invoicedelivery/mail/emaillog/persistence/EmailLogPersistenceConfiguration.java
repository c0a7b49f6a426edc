package com.invoicedelivery.mail.emaillog.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class EmailLogPersistenceConfiguration {

    @Bean
    EmailStore emailStore(MongoTemplate mongo) {
        return new EmailStore(mongo);
    }
}
