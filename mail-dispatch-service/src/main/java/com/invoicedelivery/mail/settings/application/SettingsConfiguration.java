package com.invoicedelivery.mail.settings.application;

import java.time.Clock;

import com.invoicedelivery.mail.settings.domain.SecretKeys;
import com.invoicedelivery.mail.settings.persistence.SmtpSettingsStore;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.application.SmtpProperties;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.application.TenantSmtpProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SettingsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SettingsConfiguration.class);

    /** A misconfigured key stops the start; a missing one only stops passwords from being stored. */
    @Bean
    SecretKeys secretKeys(SecretsProperties properties) {
        SecretKeys keys = properties.secretKeys();
        if (keys.canSeal()) {
            log.info("tenants' SMTP passwords are encrypted under key {}", keys.currentKeyId());
        } else {
            log.warn("no MAIL_SECRETS_KEY is configured: tenants cannot store SMTP passwords");
        }
        return keys;
    }

    @Bean
    SmtpSettingsService smtpSettingsService(SmtpSettingsStore store, SecretKeys keys, SmtpProbe probe,
                                            TenantSmtpProperties tenantSmtp, Clock clock) {
        return new SmtpSettingsService(store, keys, probe,
                new ConnectionTestLimit(tenantSmtp.testsPerMinute(), System::nanoTime), clock);
    }

    @Bean
    SmtpServerDirectory smtpServerDirectory(SmtpProperties smtp, SmtpSettingsService settings) {
        return new TenantSmtpServerDirectory(smtp.platformServer(), settings);
    }

    /** After a key rotation, the passwords under the old key are encrypted again at the start. */
    @Bean
    ApplicationRunner smtpPasswordResealing(SmtpSettingsService settings) {
        return arguments -> {
            try {
                int resealed = settings.resealAll();
                if (resealed > 0) {
                    log.info("{} SMTP password(s) encrypted again under the current key", resealed);
                }
            } catch (RuntimeException e) {
                log.warn("encrypting SMTP passwords under the current key failed; they are when next read: {}",
                        e.getMessage());
            }
        };
    }
}
