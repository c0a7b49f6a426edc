package com.invoicedelivery.invoice.template.web;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code PUT /api/templates/{language}}. */
record TemplateRequest(
        @Schema(description = "The subject; placeholders {invoiceNumber} {issueDate} {dueDate} {total} {tenantName} "
                + "{clientName}.",
                example = "Фактура {invoiceNumber} от {tenantName}")
        String subject,
        @Schema(description = "The text; the same placeholders and {link}, where the personal link goes.",
                example = "Здравейте, {clientName}! Фактурата е тук: {link}")
        String message) {
}
