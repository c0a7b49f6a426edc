package com.invoicedelivery.invoice.tenant.application;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.invoice.tenant.domain.ClientPage;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.invoice.tenant.persistence.TenantStore;
import com.invoicedelivery.kit.problem.NotFoundException;

/** The tenant registry: operations create and update tenants; the other features read their profiles. */
public class Tenants {

    /** The plan changes rarely; a change between reading and saving the setting is retried this often. */
    private static final int PLAN_CHANGE_ATTEMPTS = 3;

    private final TenantStore store;

    public Tenants(TenantStore store) {
        this.store = store;
    }

    /**
     * Creates the tenant or replaces its profile.
     *
     * @throws StateConflictException when another tenant has the sub-domain
     */
    public Tenant put(Tenant profile) {
        Tenant tenant = store.find(profile.id()).map(profile::keepingLinkSettingOf).orElse(profile);
        if (!store.save(tenant)) {
            throw new StateConflictException("subdomain", "'" + tenant.subdomain() + "' is used by another tenant");
        }
        return tenant;
    }

    /**
     * Turns the setting "Invoices as attached files" on or off.
     *
     * @throws NotFoundException when no tenant has this id
     * @throws StateConflictException naming {@code attachInvoices} when turning it on for a TRIAL tenant
     */
    public Tenant chooseAttachments(String tenantId, boolean attach) {
        for (int attempt = 0; attempt < PLAN_CHANGE_ATTEMPTS; attempt++) {
            Tenant changed = get(tenantId).withAttachInvoices(attach);
            if (store.saveAttachInvoices(changed)) {
                return changed;
            }
        }
        throw new StateConflictException("plan", "the plan of tenant " + tenantId + " is being changed; try again");
    }

    /**
     * Sets how many days the tenant's personal links work after each send (sends made before keep theirs).
     *
     * @throws NotFoundException when no tenant has this id
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException outside the allowed days
     */
    public Tenant chooseLinkValidity(String tenantId, Integer days) {
        Tenant changed = get(tenantId).withLinkValidityDays(days);
        if (!store.saveLinkValidity(changed)) {
            throw new NotFoundException("Tenant", tenantId);
        }
        return changed;
    }

    /**
     * Sets what the tenant's clients' pages show besides the invoice (for sends made from now on).
     *
     * @throws NotFoundException when no tenant has this id
     */
    public Tenant chooseClientPage(String tenantId, ClientPage page) {
        Tenant changed = get(tenantId).withClientPage(page);
        if (!store.saveClientPage(changed)) {
            throw new NotFoundException("Tenant", tenantId);
        }
        return changed;
    }

    /** Every tenant by id, at most {@code limit} (operations' view). */
    public List<Tenant> list(int limit) {
        return store.list(limit);
    }

    /** @throws NotFoundException when no tenant has this id */
    public Tenant get(String tenantId) {
        return store.find(tenantId).orElseThrow(() -> new NotFoundException("Tenant", tenantId));
    }

    public Optional<Tenant> find(String tenantId) {
        return store.find(tenantId);
    }
}
