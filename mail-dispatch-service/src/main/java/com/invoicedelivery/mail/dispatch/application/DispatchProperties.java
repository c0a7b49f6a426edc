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

    public DispatchProperties {
        workers = workers < 1 ? 4 : workers;
        connectionsPerTenantServer = connectionsPerTenantServer < 1 ? 2 : connectionsPerTenantServer;
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
