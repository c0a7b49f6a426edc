package com.invoicedelivery.tracking.link.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkedDocument;
import com.invoicedelivery.tracking.link.domain.Outcome;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The links collection. Every change is one atomic write of one document, and a change the sender must
 * hear about carries its event into the document's outbox in that same write.
 */
public class LinkStore implements InitializingBean {

    public static final String COLLECTION = "links";
    private static final String TYPE_HINT = "_class";

    private final MongoTemplate mongo;
    private final Duration retention;

    /** @param retention how long a link (and the client's activity in it) is kept after it expired */
    public LinkStore(MongoTemplate mongo, Duration retention) {
        this.mongo = mongo;
        this.retention = retention;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("sendId", Sort.Direction.ASC).named("send"));
        // MongoDB deletes a link this long after its expiry; the embedded store keeps the index but not the expiry
        mongo.indexOps(COLLECTION).createIndex(new Index().on("expiresAt", Sort.Direction.ASC)
                .expire(retention).named("retention_ttl"));
    }

    /** Stores a new link; false when it exists already (a redelivered event). */
    public boolean insertIfAbsent(Link link) {
        return OutboxDocuments.insertIfAbsent(mongo, toDocument(link), COLLECTION);
    }

    /**
     * The stored links among {@code ids}, whatever their tenant: one lookup by id each (a send has a few links), as
     * the embedded store serves only equality on a unique index without scanning the collection, not {@code $in}.
     */
    public List<Link> findAll(Collection<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    public Optional<Link> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Link.class, COLLECTION));
    }

    /** Sets the send's document on those of its links that have none yet; returns how many changed. */
    public long attachDocument(String tenantId, String sendId, LinkedDocument document) {
        Query links = Query.query(Criteria.where("tenantId").is(tenantId).and("sendId").is(sendId)
                .and("document").is(null));
        return mongo.updateMulti(links, new Update().set("document", toDocument(document)), COLLECTION)
                .getModifiedCount();
    }

    /** Appends a step to the history and its event to the outbox; returns the link as it is now. */
    public Optional<Link> append(String id, ActivityEntry entry, OutboxEntry event) {
        return Optional.ofNullable(mongo.findAndModify(byId(id), withStep(new Update(), entry, event),
                FindAndModifyOptions.options().returnNew(true), Link.class, COLLECTION));
    }

    /**
     * Counts one more fetch on the OPENED entry {@code eventId} (see ClientLinks#open) and queues {@code event}, which
     * tells the sender the entry's new count, in one write. Only over the count the caller read
     * ({@code countBefore}): false when the link or the entry is gone, or another fetch was counted meanwhile (the
     * caller reads again), so each announced count is the stored one.
     */
    public boolean foldOpen(String id, String eventId, int countBefore, OutboxEntry event) {
        // entries stored before folding existed have no count: they stand for one fetch
        Criteria count = countBefore == 1 ? Criteria.where("count").in(1, null) : Criteria.where("count").is(countBefore);
        Query entry = byId(id).addCriteria(Criteria.where("history")
                .elemMatch(Criteria.where("eventId").is(eventId).andOperator(count)));
        Update update = OutboxDocuments.push(new Update().set("history.$.count", countBefore + 1), toDocument(event));
        return changedOne(entry, update);
    }

    /** Records the first view of the link; false when a view was recorded before (nothing changes then). */
    public boolean appendFirstView(String id, ActivityEntry entry, OutboxEntry event) {
        Query notViewed = byId(id).addCriteria(Criteria.where("viewedAt").is(null));
        return changedOne(notViewed, withStep(new Update().set("viewedAt", entry.at()), entry, event));
    }

    /** Records the client's decision unless it decided before; false when it did (nothing changes then). */
    public boolean decide(String id, Outcome outcome, ActivityEntry entry, OutboxEntry event) {
        Query undecided = byId(id).addCriteria(Criteria.where("outcome").is(null));
        return changedOne(undecided, withStep(new Update().set("outcome", toDocument(outcome)), entry, event));
    }

    /**
     * Records a renewal request and queues its event, unless one was recorded after {@code notBefore};
     * false then (nothing changes).
     */
    public boolean requestRenewal(String id, Instant at, Instant notBefore, OutboxEntry event) {
        Query notAskedRecently = byId(id).addCriteria(new Criteria().orOperator(
                Criteria.where("renewalRequestedAt").is(null), Criteria.where("renewalRequestedAt").lte(notBefore)));
        Update update = OutboxDocuments.push(new Update().set("renewalRequestedAt", at), toDocument(event));
        return changedOne(notAskedRecently, update);
    }

    private boolean changedOne(Query query, Update update) {
        return mongo.updateFirst(query, update, COLLECTION).getModifiedCount() == 1;
    }

    private Update withStep(Update update, ActivityEntry entry, OutboxEntry event) {
        return OutboxDocuments.push(update.push("history", toDocument(entry)), toDocument(event));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    /** The stored form of a value, without type hints: every field's type is fixed by the record it belongs to. */
    private Document toDocument(Object value) {
        Document document = new Document();
        mongo.getConverter().write(value, document);
        document.remove(TYPE_HINT);
        return document;
    }
}
