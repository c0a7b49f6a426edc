package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.ClientPage;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * The tenant's settings as its users see them ({@code GET /api/settings}).
 *
 * @param attachInvoices   the setting as stored; a Trial tenant sends links whatever it says
 * @param linkValidityDays how long the personal links work after a send; null: the platform's default (180)
 * @param clientPage       what clients' link pages show besides the invoice; every part null until set
 */
record SettingsView(String tenantId, String name, String subdomain, Plan plan, boolean attachInvoices,
                    Integer linkValidityDays, TenantRequest.CompanyBody company, ClientPageRequest clientPage) {

    static SettingsView of(Tenant tenant) {
        ClientPage page = tenant.clientPage() == null ? new ClientPage(null, null, null, null) : tenant.clientPage();
        return new SettingsView(tenant.id(), tenant.name(), tenant.subdomain(), tenant.plan(), tenant.attachInvoices(),
                tenant.linkValidityDays(), TenantRequest.CompanyBody.of(tenant.company()),
                new ClientPageRequest(page.privacyNoticeUrl(),
                        new ClientPageRequest.ContactBody(page.email(), page.phone(), page.address())));
    }
}
