package com.invoicedelivery.mail.bounce.messaging;

import com.invoicedelivery.mail.bounce.application.BounceIntake;
import com.invoicedelivery.mail.dispatch.application.BounceProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The inbound SMTP receiver of the bounce domain, on replicas where {@code mail.bounces.inbound.enabled}. */
@Configuration(proxyBeanMethods = false)
public class BounceReceiverConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("mail.bounces.inbound.enabled")
    InboundSmtpServer inboundSmtpServer(BounceIntake intake, BounceProperties properties) {
        if (properties.envelopeDomain() == null) {
            throw new IllegalStateException("mail.bounces.inbound.enabled needs mail.bounces.domain (BOUNCE_DOMAIN)");
        }
        return new InboundSmtpServer(intake, properties.inbound(), properties.envelopeDomain());
    }
}
