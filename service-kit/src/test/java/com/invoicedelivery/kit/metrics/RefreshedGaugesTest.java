package com.invoicedelivery.kit.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RefreshedGaugesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final RefreshedGauges gauges = new RefreshedGauges(registry, Duration.ofMinutes(1));

    @Test
    void aDeclaredGaugeReadsNaNUntilTheFirstRefreshThenTheRefreshersValue() {
        gauges.declare("queue.due", "jobs due", Tags.of("server_class", "platform"));
        assertThat(value("platform")).isNaN();

        gauges.add(values -> values.set("queue.due", Tags.of("server_class", "platform"), 7));
        gauges.refreshNow();

        assertThat(value("platform")).isEqualTo(7);
    }

    @Test
    void aFailingRefreshKeepsTheLastValuesAndDoesNotStopTheOtherRefreshers() {
        int[] calls = {0};
        gauges.add(values -> {
            if (calls[0]++ > 0) {
                throw new IllegalStateException("store down");
            }
            values.set("queue.due", Tags.of("server_class", "platform"), 3);
        });
        gauges.add(values -> values.set("queue.due", Tags.of("server_class", "tenant"), calls[0]));
        gauges.refreshNow();
        gauges.refreshNow();

        assertThat(value("platform")).isEqualTo(3);
        assertThat(value("tenant")).isEqualTo(2);
    }

    @Test
    void anAgeIsZeroWhenNothingWaits() {
        assertThat(PlatformMetricsConfiguration.ageSeconds(null, java.time.Clock.systemUTC())).isZero();
    }

    private double value(String serverClass) {
        return registry.get("queue.due").tag("server_class", serverClass).gauge().value();
    }
}
