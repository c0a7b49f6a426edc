package com.invoicedelivery.invoice.tenant.persistence;

import java.util.Optional;

import com.invoicedelivery.invoice.tenant.domain.Tenant;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

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

    public Optional<Tenant> find(String tenantId) {
        return Optional.ofNullable(mongo.findById(tenantId, Tenant.class, COLLECTION));
    }
}
