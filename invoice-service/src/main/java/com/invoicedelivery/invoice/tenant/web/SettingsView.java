package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * The tenant's settings as its users see them ({@code GET /api/settings}).
 *
 * @param attachInvoices   the setting as stored; a Trial tenant sends links whatever it says
 * @param linkValidityDays how long the personal links work after a send; null: the platform's default (180)
 */
record SettingsView(String tenantId, String name, String subdomain, Plan plan, boolean attachInvoices,
                    Integer linkValidityDays, TenantRequest.CompanyBody company) {

    static SettingsView of(Tenant tenant) {
        return new SettingsView(tenant.id(), tenant.name(), tenant.subdomain(), tenant.plan(), tenant.attachInvoices(),
                tenant.linkValidityDays(), TenantRequest.CompanyBody.of(tenant.company()));
    }
}
