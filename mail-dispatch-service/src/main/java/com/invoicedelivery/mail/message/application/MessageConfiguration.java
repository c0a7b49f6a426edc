package com.invoicedelivery.mail.message.application;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessageConfiguration {

    @Bean
    MessageComposer messageComposer(DocumentSource documents) {
        return new MessageComposer(documents);
    }
}
