package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/**
 * invoice-service's answer to an {@link InvoiceImportRequested}: per row, what was imported and what was refused.
 * {@code errors} are the reasons the whole batch was refused (a field the request does not have, no tenant
 * registered, no invoices): every row it has is then REFUSED with them, and none is imported.
 */
@Description("invoice-service's answer to an InvoiceImportRequested: per row, what was imported and what was "
        + "refused. A batch refused whole (no tenant, a field the request does not have, no invoices, a version this "
        + "release does not read) has every row REFUSED and the reasons in errors.")
public record InvoiceImportCompleted(String eventId, Instant occurredAt,
                                     @Description("The tenant the batch named; null when it named none.")
                                     @OptionalField String tenantId,
                                     int schemaVersion,
                                     @Description("The batch answered: the record key.") String batchId,
                                     List<ImportRowResult> rows,
                                     @Description("Why the whole batch was refused; empty when it was not.")
                                     List<ImportRowResult.ImportRowError> errors) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return batchId;
    }
}
