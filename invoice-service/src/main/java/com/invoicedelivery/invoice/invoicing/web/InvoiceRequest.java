package com.invoicedelivery.invoice.invoicing.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceDraft;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceLine;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/invoices}. */
record InvoiceRequest(
        @Schema(description = "The client billed: an id from POST /api/clients.",
                example = "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11")
        String clientId,
        @Schema(description = "The invoice number, 10 digits; left out: the next of the tenant's sequence.",
                example = "0000000042")
        String number,
        @Schema(description = "What the document is.", example = "INVOICE")
        DocumentKind kind,
        @Schema(description = "The date of issue.", example = "2026-12-07")
        LocalDate issueDate,
        @Schema(description = "The date of the taxable event.", example = "2026-12-07")
        LocalDate taxEventDate,
        @Schema(description = "When payment is due.", example = "2026-12-17")
        LocalDate dueDate,
        @Schema(description = "ISO 4217 currency code.", example = "EUR")
        String currency,
        @Schema(description = "How the client pays, as the invoice shows it.", example = "Банков превод")
        String paymentMethod,
        @Schema(description = "The invoice's lines, in order: at least one.")
        List<LineRequest> lines,
        @Schema(description = "A note printed on the invoice.", example = "Благодарим за доверието!")
        String notes) {

    record LineRequest(
            @Schema(description = "What is sold.", example = "Поддръжка на уебсайт")
            String description,
            @Schema(description = "How many units.", example = "1")
            BigDecimal quantity,
            @Schema(description = "The unit.", example = "мес.")
            String unit,
            @Schema(description = "The price of one unit, before VAT.", example = "100.00")
            BigDecimal unitPrice,
            @Schema(description = "VAT rate in percent.", example = "20")
            BigDecimal vatRate,
            @Schema(description = "The legal ground when the VAT rate is 0.", example = "чл. 113, ал. 9 ЗДДС")
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
