package com.invoicedelivery.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The invoice as it was when it was sent: everything the PDF and the client page print. Totals were
 * computed once, by invoice-service; every reader prints them as they are.
 *
 * @param number     the 10-digit document number
 * @param original   true for "Original" / "Оригинал", false for a copy
 */
@Description("The invoice as it was when it was sent: everything the PDF and the client page print. Totals were "
        + "computed once, by invoice-service; every reader prints them as they are.")
public record InvoiceSnapshot(
        @Description("The 10-digit document number.") String number,
        DocumentKind kind,
        LocalDate issueDate,
        LocalDate taxEventDate,
        @OptionalField LocalDate dueDate,
        @Description("ISO 4217 code.") String currency,
        Party supplier,
        Party recipient,
        List<InvoiceLine> lines,
        @Description("Tax base and VAT per rate.") List<VatBreakdown> vat,
        BigDecimal taxBase,
        BigDecimal vatAmount,
        BigDecimal total,
        @OptionalField String paymentMethod,
        @Description("The supplier's bank account; null when the tenant gave none.") @OptionalField BankDetails bank,
        @Description("True for \"Original\", false for a copy.") boolean original,
        @OptionalField String notes) {
}
