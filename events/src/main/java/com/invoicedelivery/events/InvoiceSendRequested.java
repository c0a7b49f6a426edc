package com.invoicedelivery.events;

import java.time.Instant;

/** A tenant asked to send one invoice to its recipients (invoice-service → pdf-service, tracking-service). */
public record InvoiceSendRequested(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                   SendDetails send) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return send.sendId();
    }
}
