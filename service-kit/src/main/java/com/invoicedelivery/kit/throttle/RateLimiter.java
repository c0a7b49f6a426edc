package com.invoicedelivery.kit.throttle;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per key (a client address, a link), in memory. Each instance of the service limits on its
 * own, which is enough to make guessing tokens hopeless. Memory stays bounded: once there are more than
 * {@code maxKeys} buckets, those that have refilled completely are forgotten.
 */
public final class RateLimiter {

    private final RateLimit limit;
    private final int maxKeys;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime}) */
    public RateLimiter(RateLimit limit, int maxKeys, LongSupplier nanoTime) {
        this.limit = limit;
        this.maxKeys = maxKeys;
        this.nanoTime = nanoTime;
    }

    /** Counts a request of {@code key}: {@link Duration#ZERO} when allowed, else how long to wait before retrying. */
    public Duration take(String key) {
        long now = nanoTime.getAsLong();
        if (buckets.size() > maxKeys) {
            buckets.values().removeIf(bucket -> bucket.isFullAt(now));
        }
        return Duration.ofNanos(buckets.computeIfAbsent(key, k -> new TokenBucket(limit, now)).take(now));
    }

    /** How many keys have a bucket now. */
    public int size() {
        return buckets.size();
    }
}
