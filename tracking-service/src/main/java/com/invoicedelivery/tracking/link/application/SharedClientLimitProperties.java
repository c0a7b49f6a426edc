package com.invoicedelivery.tracking.link.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The link pages' limit per client address across all replicas ({@code tracking.rate-limits.all-replicas.*}); the
 * value is in application.yml.
 *
 * @param perClientPerMinute requests one client address may make in one minute (a fixed window: from the start of
 *                           the minute by the clock), all replicas together
 */
@ConfigurationProperties("tracking.rate-limits.all-replicas")
public record SharedClientLimitProperties(int perClientPerMinute) {

    public SharedClientLimitProperties {
        if (perClientPerMinute < 1) {
            throw new IllegalArgumentException("tracking.rate-limits.all-replicas.per-client-per-minute must be"
                    + " positive, not " + perClientPerMinute);
        }
    }
}
