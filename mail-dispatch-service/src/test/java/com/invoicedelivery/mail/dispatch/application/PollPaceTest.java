package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class PollPaceTest {

    private final PollPace pace = new PollPace(Duration.ofSeconds(1), Duration.ofSeconds(10));

    @Test
    void anEmptyQueueIsLookedAtLessAndLessOftenUpToTheIdleInterval() {
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            waits.add(pace.next(false).toSeconds());
        }
        assertThat(waits).containsExactly(2L, 4L, 8L, 10L, 10L, 10L);
    }

    @Test
    void workSeenBringsTheBusyIntervalBackAtOnce() {
        pace.next(false);
        pace.next(false);
        pace.next(false);

        assertThat(pace.next(true)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pace.next(true)).isEqualTo(Duration.ofSeconds(1));
        assertThat(pace.next(false)).isEqualTo(Duration.ofSeconds(2));
    }
}
