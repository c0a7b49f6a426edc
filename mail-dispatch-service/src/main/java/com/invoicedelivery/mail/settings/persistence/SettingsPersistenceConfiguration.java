package com.invoicedelivery.mail.settings.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class SettingsPersistenceConfiguration {

    @Bean
    SmtpSettingsStore smtpSettingsStore(MongoTemplate mongo) {
        return new SmtpSettingsStore(mongo);
    }
}
