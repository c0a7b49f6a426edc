package com.invoicedelivery.invoice.send.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;

import com.invoicedelivery.invoice.shared.domain.DerivedIds;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The idempotency keys tenants sent with their send requests, each with the fingerprint of the request it came with
 * first. A unique index on (tenant, key) makes the first request's claim the only one, however many arrive at once.
 */
public class IdempotencyKeyStore implements InitializingBean {

    public static final String COLLECTION = "idempotency_keys";

    record StoredKey(String id, String tenantId, String key, String fingerprint, Instant createdAt) {
    }

    private final MongoTemplate mongo;

    public IdempotencyKeyStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("key", Sort.Direction.ASC).unique().named("tenant_key_unique"));
    }

    /**
     * Claims {@code key} for the request with {@code fingerprint}.
     *
     * @return the fingerprint of the request that claimed the key first: {@code fingerprint} itself when this is the
     *         first request with the key, or a repeat of it
     */
    public String claim(String tenantId, String key, String fingerprint, Instant at) {
        try {
            mongo.insert(new StoredKey(DerivedIds.of("idempotency-key", tenantId, key), tenantId, key, fingerprint, at),
                    COLLECTION);
            return fingerprint;
        } catch (DuplicateKeyException claimedBefore) {
            return mongo.findOne(query(where("tenantId").is(tenantId).and("key").is(key)), StoredKey.class, COLLECTION)
                    .fingerprint();
        }
    }
}
