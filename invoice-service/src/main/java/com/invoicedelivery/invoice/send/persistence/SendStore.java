package com.invoicedelivery.invoice.send.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.shared.persistence.StoredForm;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sends collection. A send is stored with its send-requested event in its outbox, in one insert, and every
 * report about it is one conditional update: applied over the version it was computed from, and only if its event
 * id is not among the send's {@value #PROCESSED} — so a redelivered event changes nothing, and two reports handled
 * at once cannot overwrite each other.
 */
public class SendStore implements InitializingBean {

    public static final String COLLECTION = "sends";
    static final String PROCESSED = "processedEventIds";

    private final MongoTemplate mongo;

    public SendStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("invoiceId", Sort.Direction.ASC).on("requestedAt", Sort.Direction.DESC).named("tenant_invoice_time"));
    }

    /**
     * Stores a new send and the event announcing it, atomically; the outbox relay publishes the event.
     *
     * @return false (nothing stored, nothing announced) when a send with its id exists: the request that makes it
     *         was made before
     */
    public boolean insertIfAbsent(Send send, OutboxEntry requested) {
        Document document = StoredForm.of(converter(), send);
        document.put(OutboxEntry.FIELD, List.of(StoredForm.of(converter(), requested)));
        document.put(PROCESSED, List.of());
        return OutboxDocuments.insertIfAbsent(mongo, document, COLLECTION);
    }

    public Optional<Send> find(String tenantId, String sendId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, sendId), Send.class, COLLECTION));
    }

    /** The tenant a send belongs to, whoever asks: to tell another tenant's send from one unknown here. */
    public Optional<String> tenantOf(String sendId) {
        Query byIdOnly = query(where("_id").is(sendId));
        byIdOnly.fields().include("tenantId");
        return Optional.ofNullable(mongo.findOne(byIdOnly, Document.class, COLLECTION))
                .map(found -> found.getString("tenantId"));
    }

    /** The invoice's sends, newest first. */
    public List<Send> listForInvoice(String tenantId, String invoiceId) {
        Query ofInvoice = query(where("tenantId").is(tenantId).and("invoiceId").is(invoiceId))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt"));
        return mongo.find(ofInvoice, Send.class, COLLECTION);
    }

    /** Across tenants, newest first: the sends with a recipient in one of {@code statuses} (operations' view). */
    public List<Send> listWithRecipientIn(Collection<String> statuses, int limit) {
        Query needing = query(where("recipients.status").in(statuses))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit);
        return mongo.find(needing, Send.class, COLLECTION);
    }

    /**
     * Stores {@code change}, computed from {@code before} for event {@code eventId}.
     *
     * @return false when nothing was stored: the event was applied before, or the send changed since it was read
     */
    public boolean saveProgress(Send before, Send.Change change, String eventId) {
        Query unchangedAndNew = byId(before.tenantId(), before.id())
                .addCriteria(where("version").is(before.version()))
                .addCriteria(where(PROCESSED).ne(eventId));
        Send after = change.send();
        Update update = new Update()
                .set("recipients", after.recipients().stream().map(this::stored).toList())
                .set("status", after.status())
                .set("version", after.version())
                .push("timeline", StoredForm.of(converter(), change.entry()))
                .addToSet(PROCESSED, eventId);
        return mongo.updateFirst(unchangedAndNew, update, COLLECTION).getModifiedCount() == 1;
    }

    public boolean hasProcessed(String tenantId, String sendId, String eventId) {
        return mongo.exists(byId(tenantId, sendId).addCriteria(where(PROCESSED).is(eventId)), COLLECTION);
    }

    private Document stored(SendRecipient recipient) {
        return StoredForm.of(converter(), recipient);
    }

    private MongoConverter converter() {
        return mongo.getConverter();
    }

    private static Query byId(String tenantId, String sendId) {
        return query(where("_id").is(sendId).and("tenantId").is(tenantId));
    }
}
