package com.invoicedelivery.kit.messaging;

import com.invoicedelivery.events.IntegrationEvent;
import tools.jackson.databind.json.JsonMapper;

/** Turns events into outbox entries (JSON payloads) with the application's JSON settings. */
public class OutboxEntries {

    private final JsonMapper json;

    public OutboxEntries(JsonMapper json) {
        this.json = json;
    }

    public OutboxEntry of(IntegrationEvent event, String topic) {
        return new OutboxEntry(event.eventId(), topic, event.key(), event.getClass().getSimpleName(),
                event.tenantId(), event.occurredAt(), event.schemaVersion(), json.writeValueAsString(event));
    }
}
