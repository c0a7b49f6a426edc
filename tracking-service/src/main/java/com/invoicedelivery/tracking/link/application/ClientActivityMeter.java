package com.invoicedelivery.tracking.link.application;

import java.util.Locale;

import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the client activity recorded, by action and whether it looked like a machine's ({@code
 * tracking.client.actions}, docs/ARCHITECTURE.md "Metrics"), in the service's registry as the other services' meters.
 */
final class ClientActivityMeter {

    static final String ACTIONS = "tracking.client.actions";

    private final MeterRegistry registry;

    ClientActivityMeter(MeterRegistry registry) {
        this.registry = registry;
    }

    void recorded(ActivityEntry entry) {
        registry.counter(ACTIONS, "action", entry.activity().name().toLowerCase(Locale.ROOT),
                "machine", Boolean.toString(entry.suspectedMachine())).increment();
    }
}
