package com.invoicedelivery.mail.bounce.messaging;

import com.invoicedelivery.mail.bounce.application.BounceIntake;
import com.invoicedelivery.mail.dispatch.application.BounceProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The inbound SMTP receiver of the bounce domain, on replicas where {@code mail.bounces.inbound.enabled}; STARTTLS with
 * the certificate of the SSL bundle {@code mail.bounces.inbound.tls.bundle} names (none: plain only).
 */
@Configuration(proxyBeanMethods = false)
public class BounceReceiverConfiguration {

    @Bean
    @ConditionalOnBooleanProperty("mail.bounces.inbound.enabled")
    InboundSmtpServer inboundSmtpServer(BounceIntake intake, BounceProperties properties,
                                        ObjectProvider<SslBundles> sslBundles) {
        if (properties.envelopeDomain() == null) {
            throw new IllegalStateException("mail.bounces.inbound.enabled needs mail.bounces.domain (BOUNCE_DOMAIN)");
        }
        BounceProperties.Tls tls = properties.inbound().tls();
        InboundSmtpServer.StartTls startTls = null;
        if (tls.enabled()) {
            // an unknown bundle name fails the start (NoSuchSslBundleException names it): no silent plain text
            SslBundle bundle = sslBundles.getObject().getBundle(tls.bundle());
            // read now: a certificate file missing or unreadable fails the start, not the first STARTTLS
            if (bundle.getStores().getKeyStore() == null) {
                throw new IllegalStateException("the SSL bundle " + tls.bundle() + " of mail.bounces.inbound.tls"
                        + " has no certificate and key (spring.ssl.bundle.*." + tls.bundle() + ".keystore)");
            }
            startTls = InboundSmtpServer.StartTls.of(bundle, tls.required());
        }
        return new InboundSmtpServer(intake, properties.inbound(), properties.envelopeDomain(), startTls);
    }
}
