package com.invoicedelivery.invoice.template.web;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;
import io.swagger.v3.oas.annotations.media.Schema;

/** A template as the API shows it; {@code custom} is false for the default. */
record TemplateView(
        @Schema(description = "The language the template is for.", example = "BG") Language language,
        @Schema(description = "The subject, with placeholders such as {invoiceNumber} and {tenantName}.",
                example = "Фактура {invoiceNumber} от {tenantName}") String subject,
        @Schema(description = "The text, with the same placeholders and {link}, where the personal link goes.",
                example = "Здравейте, {clientName}! Фактурата е тук: {link}") String message,
        @Schema(description = "Whether the tenant changed it; false: the platform's default.", example = "true")
        boolean custom) {

    static TemplateView of(TenantTemplate template) {
        return new TemplateView(template.language(), template.template().subject(), template.template().message(),
                template.custom());
    }
}
