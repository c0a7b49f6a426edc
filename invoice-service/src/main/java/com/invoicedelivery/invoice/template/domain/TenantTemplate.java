package com.invoicedelivery.invoice.template.domain;

import com.invoicedelivery.events.Language;

/**
 * The template a tenant's e-mails in one language start from.
 *
 * @param custom true when the tenant wrote it; false for the default
 */
public record TenantTemplate(Language language, MessageTemplate template, boolean custom) {

    public static TenantTemplate byDefault(Language language) {
        return new TenantTemplate(language, DefaultTemplates.of(language), false);
    }
}
