package com.invoicedelivery.kit.messaging;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.kit.observability.Traces;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into outbox entries (JSON payloads) with the application's JSON settings, each with the trace context
 * of the work that writes it (the request or record being handled), which the relay publishes the event in.
 */
public class OutboxEntries {

    private final JsonMapper json;
    private final Traces traces;

    /** Entries outside any trace (tests of a single service's logic). */
    public OutboxEntries(JsonMapper json) {
        this(json, Traces.NONE);
    }

    public OutboxEntries(JsonMapper json, Traces traces) {
        this.json = json;
        this.traces = traces;
    }

    public OutboxEntry of(IntegrationEvent event, String topic) {
        return new OutboxEntry(event.eventId(), topic, event.key(), event.getClass().getSimpleName(),
                event.tenantId(), event.occurredAt(), event.schemaVersion(), json.writeValueAsString(event),
                traces.currentTraceparent());
    }
}
