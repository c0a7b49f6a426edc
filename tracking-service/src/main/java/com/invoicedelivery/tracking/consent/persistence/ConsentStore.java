package com.invoicedelivery.tracking.consent.persistence;

import com.invoicedelivery.tracking.consent.domain.Consent;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Consent records, one per (tenant, address): a unique index makes the first answer the one that stands. */
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
        return mongo.exists(Query.query(Criteria.where("tenantId").is(tenantId).and("email").is(email)), COLLECTION);
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
