package com.invoicedelivery.invoice.importing.domain;

import java.util.List;

import com.invoicedelivery.events.ImportRowResult;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;

/** What became of each row of a batch, in the order of the rows. */
public record ImportOutcome(String batchId, List<ImportRowResult> rows) {

    public ImportOutcome {
        rows = List.copyOf(rows);
    }

    public static ImportRowResult imported(int row, String externalRef, String invoiceId, String sendId,
                                           ImportRowResult.ClientUse client) {
        return new ImportRowResult(row, externalRef, ImportRowResult.Status.IMPORTED, invoiceId, sendId, List.of(),
                client);
    }

    public static ImportRowResult refused(int row, String externalRef, List<RuleViolation> violations) {
        return refused(row, externalRef, violations, null);
    }

    /** A row refused after its client was looked for ({@code client}: which one, and why it was not used). */
    public static ImportRowResult refused(int row, String externalRef, List<RuleViolation> violations,
                                          ImportRowResult.ClientUse client) {
        return new ImportRowResult(row, externalRef, ImportRowResult.Status.REFUSED, null, null, violations.stream()
                .map(violation -> new ImportRowResult.ImportRowError(violation.field(), violation.message())).toList(),
                client);
    }

    /** A batch refused whole: each of its {@code rowCount} rows REFUSED for the batch's reasons. */
    public static ImportOutcome refusedBatch(String batchId, int rowCount, List<RuleViolation> reasons) {
        return new ImportOutcome(batchId, java.util.stream.IntStream.range(0, rowCount)
                .mapToObj(row -> refused(row, null, reasons)).toList());
    }

    /**
     * The answer to the same batch delivered again: the rows imported the first time are ALREADY_IMPORTED, with the
     * ids of the first import; refused rows are refused again, for the same reasons.
     */
    public ImportOutcome repeated() {
        return new ImportOutcome(batchId, rows.stream().map(row -> row.status() == ImportRowResult.Status.IMPORTED
                ? new ImportRowResult(row.row(), row.externalRef(), ImportRowResult.Status.ALREADY_IMPORTED,
                        row.invoiceId(), row.sendId(), row.errors(), row.client())
                : row).toList());
    }

    public long count(ImportRowResult.Status status) {
        return rows.stream().filter(row -> row.status() == status).count();
    }
}
