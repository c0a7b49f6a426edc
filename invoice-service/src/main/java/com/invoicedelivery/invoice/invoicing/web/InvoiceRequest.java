package com.invoicedelivery.invoice.invoicing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;

/** The body of {@code POST /api/invoices}. */
record InvoiceRequest(String clientId, String number, DocumentKind kind, LocalDate issueDate, LocalDate taxEventDate,
                      LocalDate dueDate, String currency, String paymentMethod, List<LineRequest> lines, String notes) {

    record LineRequest(String description, BigDecimal quantity, String unit, BigDecimal unitPrice, BigDecimal vatRate,
                       String vatExemptionReason) {

        InvoiceLine toLine(int position) {
            return new InvoiceLine(position, description, quantity, unit, unitPrice, vatRate, vatExemptionReason);
        }
    }

    InvoiceDraft toDraft() {
        return new InvoiceDraft(clientId, number, kind, issueDate, taxEventDate, dueDate, currency, paymentMethod,
                lines == null ? null : numbered(lines), notes);
    }

    /** Lines numbered from 1 in the order given; an empty element stays empty, for validation to name it. */
    private static List<InvoiceLine> numbered(List<LineRequest> lines) {
        List<InvoiceLine> numbered = new ArrayList<>();
        for (int index = 0; index < lines.size(); index++) {
            LineRequest line = lines.get(index);
            numbered.add(line == null ? null : line.toLine(index + 1));
        }
        return numbered;
    }
}
