package com.invoicedelivery.mail.dispatch.application;

import java.time.Duration;

import com.invoicedelivery.mail.dispatch.domain.RetryPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The dispatch queue's workers and retries ({@code mail.dispatch.*}).
 *
 * @param workers                    messages in flight at once (the platform's server may take as many)
 * @param connectionsPerTenantServer messages in flight at once to one tenant's own server: fewer than
 *                                   {@code workers}, so a tenant's hanging server never holds every worker
 * @param pollInterval               how often the queue is looked at for due jobs and expired leases
 * @param lease                      how long a claimed job is held; longer than the slowest possible exchange
 */
@ConfigurationProperties("mail.dispatch")
public record DispatchProperties(int workers, int connectionsPerTenantServer, Duration pollInterval, Duration lease,
                                 Duration firstRetry, Duration maxRetryInterval, Duration giveUpAfter) {

    /** The values, defaults included, are in application.yml, once; a missing or non-positive one fails the start. */
    public DispatchProperties {
        if (workers < 1 || connectionsPerTenantServer < 1) {
            throw new IllegalArgumentException("mail.dispatch.workers and connections-per-tenant-server must be at"
                    + " least 1, not " + workers + " and " + connectionsPerTenantServer);
        }
        requirePositive(pollInterval, "poll-interval");
        requirePositive(lease, "lease");
        requirePositive(firstRetry, "first-retry");
        requirePositive(maxRetryInterval, "max-retry-interval");
        requirePositive(giveUpAfter, "give-up-after");
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstRetry, maxRetryInterval, giveUpAfter);
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("mail.dispatch." + key + " must be a positive duration, not " + value);
        }
    }
}
