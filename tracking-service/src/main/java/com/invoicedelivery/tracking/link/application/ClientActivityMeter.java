package com.invoicedelivery.tracking.link.application;

import java.util.Locale;

import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the client activity recorded, by action and whether it looked like a machine's ({@code
 * tracking.client.actions}, docs/ARCHITECTURE.md "Metrics"). Through Micrometer's global registry, to which Boot adds
 * the service's own (management.metrics.use-global-registry): a counter needs no new constructor argument in the
 * classes that record activity.
 */
final class ClientActivityMeter {

    static final String ACTIONS = "tracking.client.actions";

    private ClientActivityMeter() {
    }

    static void recorded(ActivityEntry entry) {
        Metrics.counter(ACTIONS, "action", entry.activity().name().toLowerCase(Locale.ROOT),
                "machine", Boolean.toString(entry.suspectedMachine())).increment();
    }
}
