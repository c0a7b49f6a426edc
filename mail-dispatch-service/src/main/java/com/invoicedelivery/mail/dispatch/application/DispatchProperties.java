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
 * @param pollInterval               how often the queue is looked at for due jobs and expired leases while there is
 *                                   work
 * @param idlePollInterval           how often at most while there is none (the polls slow down to it, see
 *                                   {@code PollPace}); at least {@code pollInterval}
 * @param lease                      how long a claimed job is held; longer than the slowest possible exchange
 */
@ConfigurationProperties("mail.dispatch")
public record DispatchProperties(int workers, int connectionsPerTenantServer, Duration pollInterval,
                                 Duration idlePollInterval, Duration lease, Duration firstRetry,
                                 Duration maxRetryInterval, Duration giveUpAfter) {

    /** The values, defaults included, are in application.yml, once; a missing or non-positive one fails the start. */
    public DispatchProperties {
        if (workers < 1 || connectionsPerTenantServer < 1) {
            throw new IllegalArgumentException("mail.dispatch.workers and connections-per-tenant-server must be at"
                    + " least 1, not " + workers + " and " + connectionsPerTenantServer);
        }
        requirePositive(pollInterval, "poll-interval");
        requirePositive(idlePollInterval, "idle-poll-interval");
        if (idlePollInterval.compareTo(pollInterval) < 0) {
            throw new IllegalArgumentException("mail.dispatch.idle-poll-interval (" + idlePollInterval
                    + ") must not be shorter than poll-interval (" + pollInterval + ")");
        }
        requirePositive(lease, "lease");
        requirePositive(firstRetry, "first-retry");
        requirePositive(maxRetryInterval, "max-retry-interval");
        requirePositive(giveUpAfter, "give-up-after");
    }

    /**
     * Refuses a lease a stalled exchange can outlast: a job still being delivered when its lease runs out is taken
     * for an interrupted one and sent again (same Message-ID), so a server that answers only after its timeouts
     * would receive the message twice. One connect, one read and one write timing out must fit in the lease.
     *
     * @throws IllegalStateException naming the settings, so the service does not start with them
     */
    public void requireLeaseOutlasting(Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {
        Duration stalled = connectTimeout.plus(readTimeout).plus(writeTimeout);
        if (lease.compareTo(stalled) <= 0) {
            throw new IllegalStateException("mail.dispatch.lease (" + lease + ") must be longer than"
                    + " mail.smtp.connect-timeout + read-timeout + write-timeout (" + stalled + "): a job still"
                    + " being delivered when its lease ends would be sent again");
        }
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
