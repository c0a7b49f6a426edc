package com.invoicedelivery.mail.smtp.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class SmtpPersistenceConfiguration {

    @Bean
    StoredLoginRefusals storedLoginRefusals(MongoTemplate mongo) {
        return new StoredLoginRefusals(mongo);
    }
}
