package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.tenant.domain.BankAccount;
import com.invoicedelivery.invoice.tenant.domain.Company;
import com.invoicedelivery.invoice.tenant.domain.Plan;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/** The body of {@code PUT /api/operations/tenants/{tenantId}}; also the tenant as the API shows it. */
record TenantRequest(String name, String subdomain, Plan plan, CompanyBody company, Boolean attachInvoices) {

    record CompanyBody(String name, String address, String city, String country, String uic, String vatNumber,
                       String responsiblePerson, String email, BankAccount bank) {

        Company toCompany() {
            return new Company(new PartyDetails(name, address, city, country, uic, vatNumber, responsiblePerson),
                    email, bank);
        }

        static CompanyBody of(Company company) {
            PartyDetails details = company.details();
            return new CompanyBody(details.name(), details.address(), details.city(), details.country(),
                    details.uic(), details.vatNumber(), details.responsiblePerson(), company.email(), company.bank());
        }
    }

    Tenant toTenant(String tenantId) {
        return Tenant.registered(tenantId, name, subdomain, plan, company == null ? null : company.toCompany(),
                Boolean.TRUE.equals(attachInvoices));
    }
}
