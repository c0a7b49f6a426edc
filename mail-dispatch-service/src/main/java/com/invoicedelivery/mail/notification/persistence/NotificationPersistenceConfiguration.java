package com.invoicedelivery.mail.notification.persistence;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class NotificationPersistenceConfiguration {

    @Bean
    NotificationSettingsStore notificationSettingsStore(MongoTemplate mongo) {
        return new NotificationSettingsStore(mongo);
    }
}
