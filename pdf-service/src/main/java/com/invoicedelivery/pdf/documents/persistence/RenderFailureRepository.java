package com.invoicedelivery.pdf.documents.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Sends that cannot be rendered, one record per send (the send id is the key). */
public class RenderFailureRepository {

    public static final String COLLECTION = "render_failures";

    private final MongoTemplate mongo;

    public RenderFailureRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public boolean existsForSend(String sendId) {
        return mongo.exists(query(where("_id").is(sendId)), COLLECTION);
    }

    /**
     * Records the failure with the event announcing it, unless the send has already failed.
     *
     * @return false when the send had already failed (nothing was recorded)
     */
    public boolean recordOnce(String sendId, String tenantId, String invoiceId, String reason, Instant at,
                              OutboxEntry failed) {
        Document stored = new Document();
        mongo.getConverter().write(new RenderFailureEntity(sendId, tenantId, invoiceId, reason, at, List.of(failed)),
                stored);
        return OutboxDocuments.insertIfAbsent(mongo, stored, COLLECTION);
    }
}
