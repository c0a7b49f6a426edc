package com.invoicedelivery.mail.smtp.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmtpServersConfiguration {

    @Bean
    SmtpServerDirectory smtpServerDirectory(SmtpProperties smtp) {
        return new PlatformSmtpServerDirectory(smtp);
    }
}
