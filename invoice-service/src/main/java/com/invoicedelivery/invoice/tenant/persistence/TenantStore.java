package com.invoicedelivery.invoice.tenant.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.invoice.tenant.domain.Tenant;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/** The tenants collection, keyed by tenant id; a unique index keeps sub-domains unique. */
public class TenantStore implements InitializingBean {

    public static final String COLLECTION = "tenants";

    private final MongoTemplate mongo;

    public TenantStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index("subdomain", Sort.Direction.ASC).unique().named("subdomain_unique"));
    }

    /** Creates the tenant or replaces it; false (and nothing stored) when another tenant has its sub-domain. */
    public boolean save(Tenant tenant) {
        try {
            mongo.save(tenant, COLLECTION);
            return true;
        } catch (DuplicateKeyException subdomainTaken) {
            return false;
        }
    }

    /**
     * Stores the tenant's setting "Invoices as attached files", if its plan is still the one the change was decided
     * on; false (nothing stored) when operations changed the plan meanwhile.
     */
    public boolean saveAttachInvoices(Tenant changed) {
        Query samePlan = query(where("_id").is(changed.id()).and("plan").is(changed.plan()));
        return mongo.updateFirst(samePlan, new Update().set("attachInvoices", changed.attachInvoices()), COLLECTION)
                .getMatchedCount() == 1;
    }

    /** Stores how long the tenant's personal links work; false when no tenant has the id. */
    public boolean saveLinkValidity(Tenant changed) {
        return mongo.updateFirst(query(where("_id").is(changed.id())),
                new Update().set("linkValidityDays", changed.linkValidityDays()), COLLECTION).getMatchedCount() == 1;
    }

    /** Stores the tenant's client-page settings; false when no tenant has its id. */
    public boolean saveClientPage(Tenant changed) {
        return mongo.updateFirst(query(where("_id").is(changed.id())),
                new Update().set("clientPage", changed.clientPage()), COLLECTION).getMatchedCount() == 1;
    }

    /** Every tenant by id, at most {@code limit}. */
    public List<Tenant> list(int limit) {
        return mongo.find(new Query().with(Sort.by("_id")).limit(limit), Tenant.class, COLLECTION);
    }

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Tenant.class, COLLECTION));
    }
}
