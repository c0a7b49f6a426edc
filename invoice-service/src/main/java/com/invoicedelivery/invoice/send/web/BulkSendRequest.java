package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.SendBatch;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/sends}: each invoice with what the user changed in the preview. */
record BulkSendRequest(
        @Schema(description = "The invoices to send, 1 to 200, each with what the user changed in the preview.")
        List<Item> invoices) {

    /**
     * One invoice; every field but {@code invoiceId} may be left out for the preview's default.
     * {@code confirmSuppressed}: true to send to its recipients on the suppression list too (default: skip them).
     */
    record Item(
            @Schema(description = "An issued invoice of the tenant.",
                    example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60")
            String invoiceId,
            @ArraySchema(arraySchema = @Schema(description = "The addresses to send to; left out: the client's.",
                    example = "[\"accounting@client.example\"]"),
                    schema = @Schema(example = "accounting@client.example"))
            List<String> recipients,
            @Schema(description = "The subject; left out: the template's.", example = "Фактура {invoiceNumber}")
            String subject,
            @Schema(description = "The text; left out: the template's. {link} becomes the personal link.",
                    example = "Здравейте, {clientName}! Фактурата е тук: {link}")
            String message,
            @Schema(description = "The language; left out: the client's.", example = "BG")
            Language language,
            @Schema(description = "True to send to recipients on the suppression list too; default: skip them.",
                    example = "false")
            Boolean confirmSuppressed) {
    }

    SendBatch toBatch() {
        return new SendBatch(invoices == null ? null : invoices.stream()
                .map(item -> item == null ? null
                        : new SendBatch.Item(item.invoiceId(),
                                new SendOptions(item.recipients(), item.subject(), item.message(), item.language()),
                                Boolean.TRUE.equals(item.confirmSuppressed())))
                .toList());
    }
}
