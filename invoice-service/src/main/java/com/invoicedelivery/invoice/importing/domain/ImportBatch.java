package com.invoicedelivery.invoice.importing.domain;

import java.util.List;

import com.invoicedelivery.events.ClientPolicy;
import com.invoicedelivery.events.ImportedInvoice;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * A bulk importer's batch of invoices, from the REST API or from Kafka.
 *
 * @param batchId the importer's name for the batch: importing the same batch id again imports nothing twice
 * @param rows    1 to {@value #MAX_ROWS}; each row is checked on its own when it is imported
 * @param clientPolicy what a row does with a client the tenant has (same UIC) with other details; null: UPDATE
 */
public record ImportBatch(String batchId, boolean sendAfterImport, List<ImportedInvoice> rows, ClientPolicy clientPolicy) {

    public static final int MAX_ROWS = 500;

    public ImportBatch {
        clientPolicy = ClientPolicy.orDefault(clientPolicy);
        rows = rows == null ? null : List.copyOf(rows.stream().map(row -> row == null ? ImportRows.EMPTY : row).toList());
    }

    /**
     * The batch, if its own fields are right: a bad row does not refuse the batch, only itself.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming {@code batchId} or {@code invoices}
     */
    public ImportBatch validated() {
        Violations violations = new Violations();
        violations.requireId(batchId, "batchId");
        if (violations.check(rows != null && !rows.isEmpty(), "invoices", "must list at least one invoice")) {
            violations.withinLimit(rows.size(), MAX_ROWS, "invoices", "must list at most " + MAX_ROWS + " invoices per batch");
        }
        violations.throwIfAny();
        return new ImportBatch(batchId.strip(), sendAfterImport, rows, clientPolicy);
    }
}
