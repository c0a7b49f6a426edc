package com.invoicedelivery.invoice.tenant.application;

import java.util.Optional;

import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.invoice.tenant.persistence.TenantStore;
import com.invoicedelivery.kit.problem.ConflictException;
import com.invoicedelivery.kit.problem.NotFoundException;

/** The tenant registry: operations create and update tenants; the other features read their profiles. */
public class Tenants {

    private final TenantStore store;

    public Tenants(TenantStore store) {
        this.store = store;
    }

    /**
     * Creates the tenant or replaces its profile.
     *
     * @throws ConflictException when another tenant has the sub-domain
     */
    public Tenant put(Tenant tenant) {
        if (!store.save(tenant)) {
            throw new ConflictException("subdomain", "'" + tenant.subdomain() + "' is used by another tenant");
        }
        return tenant;
    }

    /** @throws NotFoundException when no tenant has this id */
    public Tenant get(String tenantId) {
        return store.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
    }

    public Optional<Tenant> find(String tenantId) {
        return store.find(tenantId);
    }
}
