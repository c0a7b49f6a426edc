package com.invoicedelivery.tracking.consent.persistence;

import java.time.Instant;
import java.util.Optional;

import com.invoicedelivery.tracking.consent.domain.Consent;
import com.invoicedelivery.tracking.consent.domain.ConsentDecision;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Consent records, one per (tenant, address): a unique index makes the first answer the one that stands; only a
 * withdrawal changes it. Kept as long as the tenant's links may ask (no TTL): it is the proof of the answer.
 */
public class ConsentStore implements InitializingBean {

    static final String COLLECTION = "consents";

    private final MongoTemplate mongo;

    public ConsentStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index()
                .on("tenantId", Sort.Direction.ASC).on("email", Sort.Direction.ASC)
                .unique().named("tenant_email_unique"));
    }

    public boolean exists(String tenantId, String email) {
        return mongo.exists(of(tenantId, email), COLLECTION);
    }

    public Optional<Consent> find(String tenantId, String email) {
        return Optional.ofNullable(mongo.findOne(of(tenantId, email), Consent.class, COLLECTION));
    }

    /** Turns consent given into a refusal; false when the address had given none (nothing changes then). */
    public boolean withdraw(String tenantId, String email, Instant at) {
        Query given = of(tenantId, email).addCriteria(Criteria.where("decision").is(ConsentDecision.GIVEN.name()));
        Update refused = new Update().set("decision", ConsentDecision.REFUSED.name()).set("withdrawnAt", at);
        return mongo.updateFirst(given, refused, COLLECTION).getModifiedCount() == 1;
    }

    private static Query of(String tenantId, String email) {
        return Query.query(Criteria.where("tenantId").is(tenantId).and("email").is(email));
    }

    /** Stores the answer unless one exists already; true when this one was stored. */
    public boolean insertIfFirst(Consent consent) {
        Document document = new Document();
        mongo.getConverter().write(consent, document);
        try {
            mongo.insert(document, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyAnswered) {
            return false;
        }
    }
}
