package com.invoicedelivery.tracking.link.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * The form tokens (CSRF tokens) already used, by hash: the unique id makes "spend" succeed once. MongoDB drops
 * entries after the retention period, by which the browser's token cookie is long gone.
 */
public class SpentFormTokenStore implements InitializingBean {

    static final String COLLECTION = "spent_form_tokens";

    private final MongoTemplate mongo;
    private final Duration retention;

    public SpentFormTokenStore(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("spentAt", Sort.Direction.ASC)
                .expire(retention).named("spent_ttl"));
    }

    /** Records the token as spent; false when it was spent before. */
    public boolean spend(String tokenHash, Instant at) {
        try {
            mongo.insert(new Document("_id", tokenHash).append("spentAt", Date.from(at)), COLLECTION);
            return true;
        } catch (DuplicateKeyException spentBefore) {
            return false;
        }
    }
}
