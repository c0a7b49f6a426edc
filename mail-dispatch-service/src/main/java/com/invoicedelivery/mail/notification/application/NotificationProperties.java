package com.invoicedelivery.mail.notification.application;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The notices to tenants about their clients' answers ({@code mail.notifications.*}).
 *
 * @param timeZone where tenants read the time of an answer (the platform's tenants are Bulgarian companies)
 */
@ConfigurationProperties("mail.notifications")
public record NotificationProperties(ZoneId timeZone) {

    public NotificationProperties {
        if (timeZone == null) {
            throw new IllegalArgumentException("mail.notifications.time-zone is required, e.g. Europe/Sofia");
        }
    }
}
