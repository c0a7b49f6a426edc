package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;

/** Lines and drafts for the domain tests. */
final class InvoiceLines {

    static final LocalDate ISSUED_ON = LocalDate.of(2026, 11, 28);

    private InvoiceLines() {
    }

    static InvoiceLine line(String quantity, String unitPrice, String vatRate) {
        return new InvoiceLine(1, "Услуга", new BigDecimal(quantity), "бр.", new BigDecimal(unitPrice),
                new BigDecimal(vatRate), vatRate.equals("0") ? "чл. 113, ал. 9 ЗДДС" : null);
    }

    static InvoiceDraft draft(List<InvoiceLine> lines) {
        return new InvoiceDraft("client-1", null, DocumentKind.INVOICE, ISSUED_ON, ISSUED_ON, ISSUED_ON.plusDays(14),
                "EUR", "Банков превод", lines, null);
    }
}
