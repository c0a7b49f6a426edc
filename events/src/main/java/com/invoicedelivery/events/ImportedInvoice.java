package com.invoicedelivery.events;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of an import batch: an issued invoice from the tenant's invoicing system. The client is either an existing
 * one ({@code clientId}) or described in full ({@code client}; reused when the tenant already has a client with the
 * same UIC). {@code number} is optional (next in the tenant's sequence); {@code send} overrides the defaults of the
 * send that follows the import.
 */
@Description("One row of an import batch: an issued invoice from the tenant's invoicing system. Name the client "
        + "either by clientId or describe it in client, not both. A row that breaks a rule is REFUSED on its own.")
public record ImportedInvoice(@Description("The importer's reference of the row (at most 100 characters), repeated "
                                      + "in the answer.") @OptionalField String externalRef,
                              @Description("One of the tenant's clients.") @OptionalField String clientId,
                              @OptionalField ImportedClient client,
                              @Description("Ten digits; absent: the next of the tenant's sequence.")
                              @OptionalField String number,
                              @Description("Absent: INVOICE.") @OptionalField DocumentKind kind,
                              LocalDate issueDate,
                              @Description("Absent: the issue date.") @OptionalField LocalDate taxEventDate,
                              @OptionalField LocalDate dueDate,
                              @Description("ISO 4217 code; absent: EUR.") @OptionalField String currency,
                              @OptionalField String paymentMethod, List<ImportedLine> lines,
                              @OptionalField String notes,
                              @Description("What the send after the import changes; absent: every default.")
                              @OptionalField SendOverrides send) {
}
