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
public record InvoiceSnapshot(
        String number,
        DocumentKind kind,
        LocalDate issueDate,
        LocalDate taxEventDate,
        LocalDate dueDate,
        String currency,
        Party supplier,
        Party recipient,
        List<InvoiceLine> lines,
        List<VatBreakdown> vat,
        BigDecimal taxBase,
        BigDecimal vatAmount,
        BigDecimal total,
        String paymentMethod,
        BankDetails bank,
        boolean original,
        String notes) {
}
