package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/**
 * A bulk importer's batch of invoices for one tenant, optionally to be sent right after import. Published on
 * {@link Topics#IMPORT_REQUESTED}, keyed by the batch id; the same batch id delivered again imports nothing twice.
 * invoice-service answers with {@link InvoiceImportCompleted}. {@code clientPolicy} (optional, default
 * {@link ClientPolicy#UPDATE}) says what a row does with a client the tenant has with other details.
 */
public record InvoiceImportRequested(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                     String batchId, boolean sendAfterImport, List<ImportedInvoice> invoices,
                                     ClientPolicy clientPolicy)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return batchId;
    }
}
