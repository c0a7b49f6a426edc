package com.invoicedelivery.mail.notification.application;

import java.time.Clock;

import com.invoicedelivery.mail.PlatformDomainProperties;
import com.invoicedelivery.mail.dispatch.application.DispatchWorkers;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.notification.persistence.NotificationSettingsStore;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    TenantNotifications tenantNotifications(NotificationSettingsStore settings, JobStore jobs,
                                            SmtpServerDirectory servers, DispatchWorkers workers, Clock clock,
                                            PlatformDomainProperties domain, NotificationProperties properties) {
        return new TenantNotifications(settings, jobs, servers, workers, clock, domain.platformDomain(),
                properties.timeZone());
    }
}
