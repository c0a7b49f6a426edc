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
import io.swagger.v3.oas.annotations.media.Schema;

/** An invoice as the API shows it, with its totals and the status of its latest send. */
record InvoiceView(
        @Schema(description = "The invoice's id.", example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60") String id,
        @Schema(description = "The invoice number, 10 digits.", example = "0000000042") String number,
        @Schema(description = "The client billed.", example = "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11") String clientId,
        @Schema(description = "What the document is.", example = "INVOICE") DocumentKind kind,
        @Schema(description = "DRAFT while it may change and cannot be sent; ISSUED once final and sendable.",
                example = "ISSUED")
        InvoiceStatus status,
        @Schema(description = "The date of issue.", example = "2026-12-07") LocalDate issueDate,
        @Schema(description = "The date of the taxable event.", example = "2026-12-07") LocalDate taxEventDate,
        @Schema(description = "When payment is due.", example = "2026-12-17") LocalDate dueDate,
        @Schema(description = "ISO 4217 currency code.", example = "EUR") String currency,
        @Schema(description = "How the client pays, as the invoice shows it.", example = "Банков превод")
        String paymentMethod,
        @Schema(description = "The invoice's lines, in order.") List<LineView> lines,
        @Schema(description = "A note printed on the invoice; null when none.",
                example = "Благодарим за доверието!") String notes,
        @Schema(description = "What the invoice adds up to: tax base, VAT per rate and total.") Totals totals,
        @Schema(description = "The status of the invoice's latest send; null while it was never sent.",
                example = "SENT")
        SendStatus sendStatus,
        @Schema(description = "When the invoice was created (ISO 8601 instant).", example = "2026-12-07T08:30:00Z")
        Instant createdAt,
        @Schema(description = "When the invoice was issued (ISO 8601 instant); null while it is a draft.",
                example = "2026-12-07T08:31:00Z")
        Instant issuedAt) {

    record LineView(
            @Schema(description = "The line's position on the invoice, 1 for the first.", example = "1") int position,
            @Schema(description = "What is sold.", example = "Поддръжка на уебсайт") String description,
            @Schema(description = "How many units.", example = "1") BigDecimal quantity,
            @Schema(description = "The unit.", example = "мес.") String unit,
            @Schema(description = "The price of one unit, before VAT.", example = "100.00") BigDecimal unitPrice,
            @Schema(description = "VAT rate in percent.", example = "20") BigDecimal vatRate,
            @Schema(description = "The legal ground when the VAT rate is 0; null otherwise.",
                    example = "чл. 113, ал. 9 ЗДДС")
            String vatExemptionReason,
            @Schema(description = "The line's amount before VAT (quantity × unit price, rounded to cents).",
                    example = "100.00")
            BigDecimal amount) {

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
