package com.invoicedelivery.invoice.template.web;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;

/** A template as the API shows it; {@code custom} is false for the default. */
record TemplateView(Language language, String subject, String message, boolean custom) {

    static TemplateView of(TenantTemplate template) {
        return new TemplateView(template.language(), template.template().subject(), template.template().message(),
                template.custom());
    }
}
