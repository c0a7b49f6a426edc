package com.invoicedelivery.events;

import java.util.List;

/**
 * The outcome of one import row (0-based {@code row}): IMPORTED (with the invoice id, and the send id when sent),
 * ALREADY_IMPORTED (the batch was delivered before; the ids of the first import), or REFUSED with the reasons.
 * {@code client} says which client the row used and how it came by it; null when the row was refused before a
 * client was looked for.
 */
@Description("The outcome of one import row.")
public record ImportRowResult(@Description("The row's index in the batch, from 0.") int row,
                              @Description("The importer's reference of the row, as it gave it.")
                              @OptionalField String externalRef,
                              Status status,
                              @Description("The invoice imported (IMPORTED, ALREADY_IMPORTED).")
                              @OptionalField String invoiceId,
                              @Description("The send of the invoice, when it was sent after import.")
                              @OptionalField String sendId,
                              @Description("Why the row was refused; empty otherwise.") List<ImportRowError> errors,
                              @Description("Which client the row used; null when the row was refused before a "
                                      + "client was looked for.") @OptionalField ClientUse client) {

    @Description("What became of an import row.")
    public enum Status {
        @Description("Imported now.")
        IMPORTED,
        @Description("The batch was delivered before: the ids of the first import.")
        ALREADY_IMPORTED,
        @Description("Refused, with the reasons.")
        REFUSED
    }

    /** A refused field, named by its JSON path inside the row (e.g. {@code lines[0].vatRate}), and why. */
    @Description("A refused field, named by its JSON path inside the row (e.g. lines[0].vatRate), and why.")
    public record ImportRowError(String field, String message) {
    }

    /**
     * The client a row used: {@code CREATED} (new), {@code MATCHED} (the tenant's client, unchanged: named by
     * clientId, or described exactly as stored), {@code UPDATED} (the tenant's client with the same UIC, its
     * {@code fields} replaced by the row's) or {@code CONFLICT} (the same, but the batch's policy refused to change
     * it: the row is REFUSED and {@code fields} are the ones that differ).
     */
    @Description("The client an import row used, and how it came by it.")
    public record ClientUse(String clientId, Resolution resolution,
                            @Description("UPDATED: the fields replaced by the row's; CONFLICT: the fields that "
                                    + "differ; else empty.") List<String> fields) {

        @Description("How an import row came by its client.")
        public enum Resolution {
            @Description("A new client.")
            CREATED,
            @Description("The tenant's client, unchanged.")
            MATCHED,
            @Description("The tenant's client with the same UIC, its fields replaced by the row's.")
            UPDATED,
            @Description("The same, but the batch's policy refused to change it: the row is REFUSED.")
            CONFLICT
        }
    }
}
