package com.invoicedelivery.mail.emaillog.application;

import com.invoicedelivery.mail.emaillog.persistence.EmailStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmailLogConfiguration {

    @Bean
    EmailLog emailLog(EmailStore emails) {
        return new EmailLog(emails);
    }
}
