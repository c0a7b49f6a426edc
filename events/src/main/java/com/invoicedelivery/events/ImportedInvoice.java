package com.invoicedelivery.events;

import java.time.LocalDate;
import java.util.List;

/**
 * One row of an import batch: an issued invoice from the tenant's invoicing system. The client is either an existing
 * one ({@code clientId}) or described in full ({@code client}; reused when the tenant already has a client with the
 * same UIC). {@code number} is optional (next in the tenant's sequence); {@code send} overrides the defaults of the
 * send that follows the import.
 */
public record ImportedInvoice(String externalRef, String clientId, ImportedClient client, String number,
                              DocumentKind kind, LocalDate issueDate, LocalDate taxEventDate, LocalDate dueDate,
                              String currency, String paymentMethod, List<ImportedLine> lines, String notes,
                              SendOverrides send) {
}
