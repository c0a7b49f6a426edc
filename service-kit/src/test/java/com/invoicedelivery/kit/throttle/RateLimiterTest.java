package com.invoicedelivery.kit.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** a burst of 3, then one request every 20 s */
    private final RateLimiter limiter = new RateLimiter(new RateLimit(3, 3), 100, nanos::get);

    @Test
    void aBurstUpToTheCapacityIsAllowedThenTheWaitIsTold() {
        IntStream.range(0, 3).forEach(i -> assertThat(limiter.take("client")).isZero());

        assertThat(limiter.take("client")).isEqualTo(Duration.ofSeconds(20));
        advance(Duration.ofSeconds(5));
        assertThat(limiter.take("client")).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aRefusedRequestTakesNothing() {
        IntStream.range(0, 3).forEach(i -> limiter.take("client"));
        IntStream.range(0, 50).forEach(i -> limiter.take("client"));

        advance(Duration.ofSeconds(20));
        assertThat(limiter.take("client")).isZero();
        assertThat(limiter.take("client")).isPositive();
    }

    @Test
    void tokensComeBackAtTheRateUpToTheCapacity() {
        IntStream.range(0, 3).forEach(i -> limiter.take("client"));

        advance(Duration.ofHours(1));

        IntStream.range(0, 3).forEach(i -> assertThat(limiter.take("client")).isZero());
        assertThat(limiter.take("client")).isPositive();
    }

    @Test
    void eachKeyHasItsOwnBucket() {
        IntStream.range(0, 3).forEach(i -> limiter.take("one"));

        assertThat(limiter.take("one")).isPositive();
        assertThat(limiter.take("two")).isZero();
    }

    @Test
    void fullBucketsAreForgottenOnceThereAreTooMany() {
        RateLimiter small = new RateLimiter(new RateLimit(3, 3), 10, nanos::get);
        IntStream.range(0, 11).forEach(i -> small.take("key-" + i));
        small.take("busy");
        small.take("busy");
        small.take("busy");

        advance(Duration.ofMinutes(5));
        small.take("busy");
        small.take("busy");
        small.take("busy");
        small.take("new");

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.take("busy")).as("forgetting a full bucket changed nothing").isPositive();
    }

    @Test
    void aLimitNeedsACapacityAndARate() {
        assertThatThrownBy(() -> new RateLimit(0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimit(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
