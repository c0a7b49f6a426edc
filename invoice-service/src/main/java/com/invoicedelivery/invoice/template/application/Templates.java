package com.invoicedelivery.invoice.template.application;

import java.time.Clock;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.template.domain.MessageTemplate;
import com.invoicedelivery.invoice.template.domain.TemplateBook;
import com.invoicedelivery.invoice.template.domain.TenantTemplate;
import com.invoicedelivery.invoice.template.persistence.TemplateStore;
import com.invoicedelivery.kit.problem.NotFoundException;

/** A tenant's e-mail templates: the defaults until it writes its own, per language. */
public class Templates {

    private final TemplateStore store;
    private final Clock clock;

    public Templates(TemplateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public TemplateBook book(String tenantId) {
        return new TemplateBook(store.findAll(tenantId));
    }

    /**
     * Saves the tenant's own template for {@code language}.
     *
     * @throws RuleViolationException naming {@code subject} or {@code message} (and an unknown placeholder)
     */
    public TenantTemplate put(String tenantId, Language language, String subject, String message) {
        MessageTemplate template = MessageTemplate.validated(subject, message);
        store.save(tenantId, language, template, clock.instant());
        return new TenantTemplate(language, template, true);
    }

    /**
     * Goes back to the default template for {@code language}.
     *
     * @throws NotFoundException when the tenant has no template of its own in that language
     */
    public TenantTemplate reset(String tenantId, Language language) {
        if (!store.delete(tenantId, language)) {
            throw new NotFoundException("Custom template", language.name());
        }
        return TenantTemplate.byDefault(language);
    }
}
