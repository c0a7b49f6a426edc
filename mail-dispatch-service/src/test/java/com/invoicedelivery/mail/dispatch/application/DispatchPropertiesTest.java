package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class DispatchPropertiesTest {

    private static DispatchProperties withLease(Duration lease) {
        return new DispatchProperties(4, 2, Duration.ofSeconds(1), Duration.ofSeconds(10), lease, Duration.ofMinutes(1), Duration.ofHours(2),
                Duration.ofHours(24));
    }

    @Test
    void aLeaseAStalledExchangeCouldOutlastIsRefusedNamingTheSettings() {
        assertThatThrownBy(() -> withLease(Duration.ofSeconds(60))
                .requireLeaseOutlasting(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("mail.dispatch.lease (PT1M)").hasMessageContaining("(PT1M10S)")
                .hasMessageContaining("would be sent again");
        assertThatThrownBy(() -> withLease(Duration.ofSeconds(70))
                .requireLeaseOutlasting(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anIdlePollIntervalShorterThanThePollIntervalIsRefused() {
        assertThatThrownBy(() -> new DispatchProperties(4, 2, Duration.ofSeconds(5), Duration.ofSeconds(1),
                Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mail.dispatch.idle-poll-interval (PT1S)");
    }

    @Test
    void aLeaseLongerThanConnectReadAndWriteTimeoutsTogetherIsTaken() {
        assertThatCode(() -> withLease(Duration.ofMinutes(10))
                .requireLeaseOutlasting(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(30)))
                .doesNotThrowAnyException();
        assertThatCode(() -> withLease(Duration.ofSeconds(20))
                .requireLeaseOutlasting(Duration.ofSeconds(3), Duration.ofSeconds(8), Duration.ofSeconds(8)))
                .doesNotThrowAnyException();
    }
}
