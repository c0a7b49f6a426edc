package com.invoicedelivery.kit.throttle;

/**
 * A token bucket kept as one number (the generic cell rate algorithm): the time at which the bucket would be
 * full again. A request is allowed while that time is less than a full bucket's worth of intervals ahead.
 */
final class TokenBucket {

    private final long intervalNanos;
    private final long burstNanos;
    private long fullAgainAt;

    TokenBucket(RateLimit limit, long nowNanos) {
        this.intervalNanos = limit.interval().toNanos();
        this.burstNanos = intervalNanos * limit.capacity();
        this.fullAgainAt = nowNanos;
    }

    /** Takes a token: 0 when granted, otherwise the nanoseconds until one is available (nothing is taken). */
    synchronized long take(long nowNanos) {
        long after = Math.max(fullAgainAt, nowNanos) + intervalNanos;
        long ahead = after - nowNanos;
        if (ahead > burstNanos) {
            return ahead - burstNanos;
        }
        fullAgainAt = after;
        return 0;
    }

    /** True when the bucket has refilled completely, so forgetting it changes nothing. */
    synchronized boolean isFullAt(long nowNanos) {
        return fullAgainAt - nowNanos <= 0;
    }
}
