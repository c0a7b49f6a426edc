package com.invoicedelivery.invoice.send.application;

import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.template.application.Templates;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** What writing a tenant's e-mails takes (its profile, delivery mode and templates), read once per request. */
public class SendingContexts {

    private final Tenants tenants;
    private final Templates templates;

    public SendingContexts(Tenants tenants, Templates templates) {
        this.tenants = tenants;
        this.templates = templates;
    }

    /** @throws StateConflictException naming {@code tenantId} when operations have not registered the tenant yet */
    public EmailComposer composerFor(String tenantId) {
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new StateConflictException("tenantId",
                "the company profile of tenant " + tenantId + " is not set up yet, so its invoices cannot be sent"));
        return new EmailComposer(tenant, templates.book(tenantId));
    }
}
