package com.invoicedelivery.mail.settings.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.invoicedelivery.mail.testdata.MovableClock;
import org.junit.jupiter.api.Test;

class ConnectionTestLimitTest {

    private final MovableClock clock = new MovableClock();
    private final ConnectionTestLimit limit = new ConnectionTestLimit(3, clock);

    @Test
    void aTenantGetsSoManyTestsInAnyMinuteAndAnotherTenantItsOwn() {
        limit.acquire("acme");
        clock.advance(Duration.ofSeconds(20));
        limit.acquire("acme");
        limit.acquire("acme");

        assertThatThrownBy(() -> limit.acquire("acme")).isInstanceOfSatisfying(ConnectionTestsLimitedException.class,
                e -> assertThat(e.retryAfterSeconds()).as("until the first test is a minute old").isEqualTo(40));
        limit.acquire("beta");
    }

    @Test
    void aMinuteAfterATestItNoLongerCounts() {
        limit.acquire("acme");
        limit.acquire("acme");
        limit.acquire("acme");
        clock.advance(Duration.ofMinutes(1));

        limit.acquire("acme");
        assertThatThrownBy(() -> {
            limit.acquire("acme");
            limit.acquire("acme");
            limit.acquire("acme");
        }).isInstanceOf(ConnectionTestsLimitedException.class);
    }
}
