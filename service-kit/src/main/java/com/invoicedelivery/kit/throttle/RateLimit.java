package com.invoicedelivery.kit.throttle;

import java.time.Duration;

/**
 * How many requests a key may make: {@code capacity} at once, then {@code perMinute} on average.
 */
public record RateLimit(int capacity, int perMinute) {

    public RateLimit {
        if (capacity < 1 || perMinute < 1) {
            throw new IllegalArgumentException("a rate limit needs a capacity and a rate of at least 1, not "
                    + capacity + " and " + perMinute);
        }
    }

    /** The time it takes to earn one more request. */
    Duration interval() {
        return Duration.ofMinutes(1).dividedBy(perMinute);
    }
}
