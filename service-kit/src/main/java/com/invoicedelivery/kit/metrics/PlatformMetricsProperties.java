package com.invoicedelivery.kit.metrics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The gauges computed from the store and the broker ({@code platform.metrics.*}).
 *
 * @param refreshInterval    how often the store's gauges (outbox backlog, a service's queues) are computed
 * @param deadLetterInterval how often the dead-letter topics are counted: each count opens a Kafka consumer per
 *                           binding, so less often than the store's gauges
 * @param outboxSample       pending documents read for the age of the oldest outbox entry
 */
@ConfigurationProperties("platform.metrics")
public record PlatformMetricsProperties(Duration refreshInterval, Duration deadLetterInterval, int outboxSample) {

    public PlatformMetricsProperties {
        if (refreshInterval == null || deadLetterInterval == null || refreshInterval.isNegative()
                || refreshInterval.isZero() || deadLetterInterval.isNegative() || deadLetterInterval.isZero()
                || outboxSample <= 0) {
            throw new IllegalArgumentException("platform.metrics.refresh-interval, dead-letter-interval and "
                    + "outbox-sample must be positive, not " + refreshInterval + ", " + deadLetterInterval + ", "
                    + outboxSample);
        }
    }
}
