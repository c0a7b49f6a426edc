package com.invoicedelivery.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class PlatformClockTest {

    @Test
    void withoutAnOffsetAServiceRunsOnTheSystemsClock() {
        assertThat(PlatformClock.of(new MockEnvironment()).instant()).isCloseTo(Instant.now(),
                within(1, ChronoUnit.SECONDS));
    }

    @Test
    void theFaultSettingPutsTheServicesClockAheadByTheOffset() {
        MockEnvironment environment = new MockEnvironment().withProperty("platform.clock.offset", "5m");

        assertThat(PlatformClock.of(environment).instant()).isCloseTo(Instant.now().plusSeconds(300),
                within(1, ChronoUnit.SECONDS));
    }
}
