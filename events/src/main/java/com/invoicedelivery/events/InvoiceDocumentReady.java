package com.invoicedelivery.events;

import java.time.Instant;

/** The send's PDF is rendered and stored (pdf-service → mail-dispatch-service, tracking-service, invoice-service). */
public record InvoiceDocumentReady(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                   SendDetails send, DocumentRef document) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return send.sendId();
    }
}
