package com.invoicedelivery.invoice.send.web;

import java.util.List;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The optional body of {@code POST /api/invoices/{invoiceId}/send}: what the user changed in the preview. */
record SendRequest(
        @ArraySchema(arraySchema = @Schema(
                description = "The addresses to send to; left out: the client's addresses.",
                example = "[\"accounting@client.example\"]"),
                schema = @Schema(example = "accounting@client.example"))
        List<String> recipients,
        @Schema(description = "The e-mail's subject; left out: the tenant's template in the language.",
                example = "Фактура {invoiceNumber}")
        String subject,
        @Schema(description = "The e-mail's text; {link} becomes each recipient's personal link. Left out: the "
                + "template.", example = "Здравейте, {clientName}! Фактурата е тук: {link}")
        String message,
        @Schema(description = "The language of the e-mail and the link page; left out: the client's.",
                example = "BG")
        Language language) {

    static SendOptions optionsOf(SendRequest request) {
        return request == null ? SendOptions.defaults()
                : new SendOptions(request.recipients, request.subject, request.message, request.language);
    }
}
