package com.invoicedelivery.invoice.invoicing.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceStatus;
import com.invoicedelivery.invoice.invoicing.domain.Totals;
import com.invoicedelivery.invoice.shared.domain.SendStatus;

/** An invoice as the API shows it, with its totals and the status of its latest send. */
record InvoiceView(String id, String number, String clientId, DocumentKind kind, InvoiceStatus status,
                   LocalDate issueDate, LocalDate taxEventDate, LocalDate dueDate, String currency,
                   String paymentMethod, List<LineView> lines, String notes, Totals totals, SendStatus sendStatus,
                   Instant createdAt, Instant issuedAt) {

    record LineView(int position, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                    BigDecimal vatRate, String vatExemptionReason, BigDecimal amount) {

        static LineView of(InvoiceLine line) {
            return new LineView(line.position(), line.description(), line.quantity(), line.unit(), line.unitPrice(),
                    line.vatRate(), line.vatExemptionReason(), line.amount());
        }
    }

    static InvoiceView of(Invoice invoice) {
        return new InvoiceView(invoice.id(), invoice.number(), invoice.clientId(), invoice.kind(), invoice.status(),
                invoice.issueDate(), invoice.taxEventDate(), invoice.dueDate(), invoice.currency(),
                invoice.paymentMethod(), invoice.lines().stream().map(LineView::of).toList(), invoice.notes(),
                invoice.totals(), invoice.sendStatus(), invoice.createdAt(), invoice.issuedAt());
    }
}
