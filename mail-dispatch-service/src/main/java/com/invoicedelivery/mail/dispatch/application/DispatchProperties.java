package com.invoicedelivery.mail.dispatch.application;

import java.time.Duration;

import com.invoicedelivery.mail.dispatch.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dispatch queue's workers and retries ({@code mail.dispatch.*}).
 *
 * @param workers      messages in flight at once
 * @param pollInterval how often the queue is looked at for due jobs and expired leases
 * @param lease        how long a claimed job is held; longer than the slowest possible exchange
 */
@ConfigurationProperties("mail.dispatch")
public record DispatchProperties(int workers, Duration pollInterval, Duration lease, Duration firstRetry,
                                 Duration maxRetryInterval, Duration giveUpAfter) {

    public DispatchProperties {
        workers = workers < 1 ? 4 : workers;
        pollInterval = orDefault(pollInterval, Duration.ofSeconds(1));
        lease = orDefault(lease, Duration.ofMinutes(10));
        firstRetry = orDefault(firstRetry, Duration.ofMinutes(1));
        maxRetryInterval = orDefault(maxRetryInterval, Duration.ofHours(2));
        giveUpAfter = orDefault(giveUpAfter, Duration.ofHours(24));
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstRetry, maxRetryInterval, giveUpAfter);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
