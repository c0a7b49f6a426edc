package com.invoicedelivery.mail.emaillog.application;

import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import com.invoicedelivery.mail.message.application.DocumentSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmailLogConfiguration {

    @Bean
    EmailLog emailLog(EmailStore emails, DocumentSource documents) {
        return new EmailLog(emails, documents);
    }
}
