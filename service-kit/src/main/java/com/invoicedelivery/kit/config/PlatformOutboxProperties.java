package com.invoicedelivery.kit.config;

import java.time.Duration;

import com.invoicedelivery.kit.messaging.OutboxRelay;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The outbox relay ({@code platform.outbox.*}).
 *
 * @param pollInterval how often the recovery poll looks, by index, for pending documents nobody kicked the relay for
 *                     (a crash, Kafka down); a write kicks it at once for its document
 * @param lease        how long a relay's claim on a document holds without progress; longer than the longest single
 *                     publish (the producer's delivery timeout), or a second replica would publish alongside
 * @param batchSize    pending documents one poll query reads
 */
@ConfigurationProperties("platform.outbox")
public record PlatformOutboxProperties(Duration pollInterval, Duration lease, int batchSize) {

    public PlatformOutboxProperties {
        if (pollInterval == null || lease == null) {
            throw new IllegalArgumentException("platform.outbox.poll-interval and platform.outbox.lease must be set");
        }
        if (pollInterval.isNegative() || pollInterval.isZero() || lease.isNegative() || lease.isZero()
                || batchSize <= 0) {
            throw new IllegalArgumentException("platform.outbox.poll-interval, lease and batch-size must be positive,"
                    + " not " + pollInterval + ", " + lease + ", " + batchSize);
        }
    }

    OutboxRelay.Settings relaySettings() {
        return new OutboxRelay.Settings(pollInterval, lease, batchSize);
    }
}
