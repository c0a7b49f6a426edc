package com.invoicedelivery.tracking.link.web;

import java.util.Objects;

import com.invoicedelivery.kit.throttle.RateLimit;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token buckets on {@code /l/**} ({@code tracking.rate-limits.*}); the values, defaults included, are in
 * application.yml.
 *
 * @param perClient      per client address
 * @param perToken       per link token
 * @param maxTrackedKeys the most addresses (or tokens) each limiter remembers at once
 */
@ConfigurationProperties("tracking.rate-limits")
public record RateLimitProperties(Bucket perClient, Bucket perToken, int maxTrackedKeys) {

    public RateLimitProperties {
        Objects.requireNonNull(perClient, "tracking.rate-limits.per-client is not set");
        Objects.requireNonNull(perToken, "tracking.rate-limits.per-token is not set");
        if (maxTrackedKeys <= 0) {
            throw new IllegalArgumentException("tracking.rate-limits.max-tracked-keys must be positive");
        }
    }

    /**
     * @param capacity  the burst a bucket allows
     * @param perMinute the requests per minute it allows on average
     */
    public record Bucket(int capacity, int perMinute) {

        RateLimit rateLimit() {
            return new RateLimit(capacity, perMinute);
        }
    }
}
