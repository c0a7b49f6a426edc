package com.invoicedelivery.tracking.link.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.tracking.link.application.SharedClientLimit;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Fixed-window request counts per client address, one document per address and minute:
 * {@code {_id: "<sha256 of the address>:<minute since the epoch>", count, expiresAt}}, counted by one atomic
 * {@code $inc} upsert (findAndModify by {@code _id}, returning the new count). The address is kept only as its
 * hash, and each document is dropped by a TTL index a minute after its window ended (MongoDB; the embedded store
 * keeps them). A fixed window lets a client make up to twice the limit across a window's edge; the in-memory token
 * buckets in front smooth that out per replica.
 */
public class StoredRequestWindows implements SharedClientLimit, InitializingBean {

    public static final String COLLECTION = "link_request_windows";

    private static final Duration WINDOW = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final int perWindow;
    private final Clock clock;

    public StoredRequestWindows(MongoTemplate mongo, int perWindow, Clock clock) {
        this.mongo = mongo;
        this.perWindow = perWindow;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(Duration.ZERO).named("expiry"));
    }

    @Override
    public Duration take(String clientAddress) {
        Instant now = clock.instant();
        long window = now.getEpochSecond() / WINDOW.toSeconds();
        Instant end = Instant.ofEpochSecond((window + 1) * WINDOW.toSeconds());
        Query thisWindow = query(where("_id").is(Sha256.hex(clientAddress) + ":" + window));
        Update count = new Update().inc("count", 1).setOnInsert("expiresAt", Date.from(end.plus(WINDOW)));
        return count(thisWindow, count) <= perWindow ? Duration.ZERO : Duration.between(now, end);
    }

    private int count(Query thisWindow, Update count) {
        FindAndModifyOptions upsert = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counted;
        try {
            counted = mongo.findAndModify(thisWindow, count, upsert, Document.class, COLLECTION);
        } catch (DuplicateKeyException sameMoment) {
            // another replica made the window's document at the same moment: it exists now, count in it
            counted = mongo.findAndModify(thisWindow, count, upsert, Document.class, COLLECTION);
        }
        return counted.getInteger("count");
    }
}
