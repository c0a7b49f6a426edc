package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/**
 * invoice-service's answer to an {@link InvoiceImportRequested}: per row, what was imported and what was refused.
 * {@code errors} are the reasons the whole batch was refused (a field the request does not have, no tenant
 * registered, no invoices): every row it has is then REFUSED with them, and none is imported.
 */
public record InvoiceImportCompleted(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                     String batchId, List<ImportRowResult> rows,
                                     List<ImportRowResult.ImportRowError> errors) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return batchId;
    }
}
