package com.invoicedelivery.events;

import java.time.Instant;
import java.util.List;

/**
 * A bulk importer's batch of invoices for one tenant, optionally to be sent right after import. Published on
 * {@link Topics#IMPORT_REQUESTED}, keyed by the batch id; the same batch id delivered again imports nothing twice.
 * invoice-service answers with {@link InvoiceImportCompleted}. {@code clientPolicy} (optional, default
 * {@link ClientPolicy#UPDATE}) says what a row does with a client the tenant has with other details.
 */
@Description("A bulk importer's batch of invoices for one tenant, optionally to be sent right after import. "
        + "External input, read strictly: a field this schema does not have refuses the batch (answered on "
        + "invoice.import-completed). The same batchId delivered again imports nothing twice.")
public record InvoiceImportRequested(String eventId,
                                     @Description("When the importer made the batch, in UTC.")
                                     @OptionalField Instant occurredAt,
                                     String tenantId, int schemaVersion,
                                     @Description("The importer's id of the batch: the record key, and what the "
                                             + "answer names.") String batchId,
                                     @Description("Send each imported invoice right away (default false).")
                                     @OptionalField boolean sendAfterImport,
                                     @Description("The rows, 1 to 500.") List<ImportedInvoice> invoices,
                                     @Description("What a row does with a client the tenant has with other details "
                                             + "(default UPDATE).") @OptionalField ClientPolicy clientPolicy)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return batchId;
    }
}
