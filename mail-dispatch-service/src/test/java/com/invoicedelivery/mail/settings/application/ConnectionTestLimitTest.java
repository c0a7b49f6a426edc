package com.invoicedelivery.mail.settings.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ConnectionTestLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    /** three at once, then one every 20 s */
    private final ConnectionTestLimit limit = new ConnectionTestLimit(3, nanos::get);

    @Test
    void aTenantGetsABurstOfTestsThenIsToldHowLongToWaitAndAnotherTenantHasItsOwn() {
        limit.acquire("acme");
        limit.acquire("acme");
        limit.acquire("acme");

        assertThatThrownBy(() -> limit.acquire("acme")).isInstanceOfSatisfying(ConnectionTestsLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).as("until one more test is earned").isEqualTo(20));
        limit.acquire("beta");
    }

    @Test
    void testsAreEarnedBackOverTheMinute() {
        limit.acquire("acme");
        limit.acquire("acme");
        limit.acquire("acme");
        advance(Duration.ofSeconds(20));

        limit.acquire("acme");
        assertThatThrownBy(() -> limit.acquire("acme")).isInstanceOf(ConnectionTestsLimitedException.class);
        advance(Duration.ofMinutes(1));
        limit.acquire("acme");
        limit.acquire("acme");
        limit.acquire("acme");
    }

    private void advance(Duration time) {
        nanos.addAndGet(time.toNanos());
    }
}
