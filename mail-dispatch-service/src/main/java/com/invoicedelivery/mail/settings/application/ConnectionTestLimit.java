package com.invoicedelivery.mail.settings.application;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.invoicedelivery.kit.throttle.RateLimit;
import com.invoicedelivery.kit.throttle.RateLimiter;

/**
 * So many connection tests per tenant: a burst of {@code perMinute}, then that many a minute (the kit's token
 * buckets, as tracking's link pages limit requests). A test makes the platform connect wherever the settings say
 * and try a password there: unlimited, it would be a way to scan networks or guess passwords from the platform's
 * addresses.
 */
public class ConnectionTestLimit {

    /** Buckets kept at most; full ones are forgotten beyond it (tenants that have not tested for a while). */
    private static final int MAX_TENANTS = 10_000;

    private final int perMinute;
    private final RateLimiter limiter;

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    public ConnectionTestLimit(int perMinute, LongSupplier nanoTime) {
        this.perMinute = perMinute;
        this.limiter = new RateLimiter(new RateLimit(perMinute, perMinute), MAX_TENANTS, nanoTime);
    }

    /**
     * Counts one test of the tenant.
     *
     * @throws ConnectionTestsLimitedException when the tenant has used its tests for now
     */
    public void acquire(String tenantId) {
        Duration wait = limiter.take(tenantId);
        if (!wait.isZero()) {
            throw new ConnectionTestsLimitedException(perMinute, wait);
        }
    }
}
