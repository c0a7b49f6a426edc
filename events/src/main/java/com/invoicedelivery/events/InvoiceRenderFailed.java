package com.invoicedelivery.events;

import java.time.Instant;

/**
 * The send's PDF cannot be rendered, for a reason that retrying will not cure (pdf-service → invoice-service).
 *
 * @param reason readable by a person, e.g. "the invoice has no lines"
 */
public record InvoiceRenderFailed(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                  String sendId, String invoiceId, String reason) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}
