package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * A tenant as the API shows it.
 *
 * @param deliveryMode how its invoices travel now, given its setting and its plan
 */
record TenantView(String id, String name, String subdomain, Plan plan, TenantRequest.CompanyBody company,
                  boolean attachInvoices, DeliveryMode deliveryMode) {

    static TenantView of(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.subdomain(), tenant.plan(),
                TenantRequest.CompanyBody.of(tenant.company()), tenant.attachInvoices(), tenant.deliveryMode());
    }
}
