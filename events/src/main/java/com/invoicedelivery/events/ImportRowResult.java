package com.invoicedelivery.events;

import java.util.List;

/**
 * The outcome of one import row (0-based {@code row}): IMPORTED (with the invoice id, and the send id when sent),
 * ALREADY_IMPORTED (the batch was delivered before; the ids of the first import), or REFUSED with the reasons.
 * {@code client} says which client the row used and how it came by it; null when the row was refused before a
 * client was looked for.
 */
public record ImportRowResult(int row, String externalRef, Status status, String invoiceId, String sendId,
                              List<ImportRowError> errors, ClientUse client) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REFUSED
    }

    /** A refused field, named by its JSON path inside the row (e.g. {@code lines[0].vatRate}), and why. */
    public record ImportRowError(String field, String message) {
    }

    /**
     * The client a row used: {@code CREATED} (new), {@code MATCHED} (the tenant's client, unchanged: named by
     * clientId, or described exactly as stored), {@code UPDATED} (the tenant's client with the same UIC, its
     * {@code fields} replaced by the row's) or {@code CONFLICT} (the same, but the batch's policy refused to change
     * it: the row is REFUSED and {@code fields} are the ones that differ).
     */
    public record ClientUse(String clientId, Resolution resolution, List<String> fields) {

        public enum Resolution {
            CREATED,
            MATCHED,
            UPDATED,
            CONFLICT
        }
    }
}
