package com.invoicedelivery.events;

import java.time.Instant;

/**
 * The send's PDF cannot be rendered, for a reason that retrying will not cure (pdf-service → invoice-service).
 *
 * @param reason readable by a person, e.g. "the invoice has no lines"
 */
@Description("The send's PDF cannot be rendered, for a reason that retrying will not cure: the send fails.")
public record InvoiceRenderFailed(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                  String sendId, String invoiceId,
                                  @Description("Why, for a person to read, e.g. \"the invoice has no lines\".")
                                  String reason) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}
