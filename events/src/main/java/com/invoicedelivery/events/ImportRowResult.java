package com.invoicedelivery.events;

import java.util.List;

/**
 * The outcome of one import row (0-based {@code row}): IMPORTED (with the invoice id, and the send id when sent),
 * ALREADY_IMPORTED (the batch was delivered before; the ids of the first import), or REFUSED with the reasons.
 */
public record ImportRowResult(int row, String externalRef, Status status, String invoiceId, String sendId,
                              List<ImportRowError> errors) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REFUSED
    }

    /** A refused field, named by its JSON path inside the row (e.g. {@code lines[0].vatRate}), and why. */
    public record ImportRowError(String field, String message) {
    }
}
