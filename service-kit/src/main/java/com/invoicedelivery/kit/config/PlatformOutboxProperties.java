package com.invoicedelivery.kit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code platform.outbox.*}).
 *
 * @param pollIntervalMs how often the relay looks for entries nobody kicked it for (a save kicks it at once)
 */
@ConfigurationProperties("platform.outbox")
public record PlatformOutboxProperties(long pollIntervalMs) {

    public PlatformOutboxProperties {
        if (pollIntervalMs <= 0) {
            throw new IllegalArgumentException("platform.outbox.poll-interval-ms must be positive, not " + pollIntervalMs);
        }
    }
}
