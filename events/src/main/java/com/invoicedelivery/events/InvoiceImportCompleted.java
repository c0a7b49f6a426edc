package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/** invoice-service's answer to an {@link InvoiceImportRequested}: per row, what was imported and what was refused. */
public record InvoiceImportCompleted(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                     String batchId, List<ImportRowResult> rows) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return batchId;
    }
}
