package com.invoicedelivery.invoice.send.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.invoicedelivery.invoice.send.domain.DeliveryOverview;
import com.invoicedelivery.invoice.send.domain.DeliveryWindow;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.shared.persistence.IdBatch;
import com.invoicedelivery.invoice.shared.persistence.StoredForm;
import com.invoicedelivery.invoice.shared.persistence.UnorderedInserts;
import com.invoicedelivery.kit.messaging.OutboxDocuments;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The sends collection. A send is stored with its send-requested event in its outbox, in one insert (the sends of
 * one request in one unordered insert of them all), and every report about it is one conditional update: applied
 * over the version it was computed from, and only if its event id is not among the send's {@value #PROCESSED} — so
 * a redelivered event changes nothing, and two reports handled at once cannot overwrite each other.
 */
public class SendStore implements InitializingBean {

    public static final String COLLECTION = "sends";
    static final String PROCESSED = "processedEventIds";
    private static final String RECIPIENT_STATUS = "recipients.status";
    /** The UTC day the send was requested on ({@code 2026-12-06}), stored beside the send for the overview. */
    static final String REQUESTED_DAY = "requestedDay";

    private final MongoTemplate mongo;

    public SendStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        // every query has equality on the leading keys of one index (or on _id), so every store serves it by index
        // (docs/ARCHITECTURE.md, "Indexes"). An invoice's sends are few: the store sorts them after the lookup
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("invoiceId", Sort.Direction.ASC).named("tenant_invoice"));
        mongo.indexOps(COLLECTION).createIndex(new Index().on(RECIPIENT_STATUS, Sort.Direction.ASC)
                .named("recipient_status"));
        // the delivery overview: a window's sends by the UTC days it touches (ranges are not what the stores serve
        // by index), across tenants or of one
        mongo.indexOps(COLLECTION).createIndex(new Index().on(REQUESTED_DAY, Sort.Direction.ASC)
                .on("tenantId", Sort.Direction.ASC).named("requested_day"));
        // the oldest recipient waiting in a status: on MongoDB the index gives the order too
        mongo.indexOps(COLLECTION).createIndex(new Index().on(RECIPIENT_STATUS, Sort.Direction.ASC)
                .on("requestedAt", Sort.Direction.ASC).named("recipient_status_requested"));
    }

    /** A new send and the event announcing it, to store together. */
    public record Announced(Send send, OutboxEntry requested) {
    }

    /**
     * Stores new sends, each with the event announcing it (atomically, one document), in one unordered insert; the
     * outbox relay publishes the events. A send whose id exists is skipped without stopping the others: the request
     * that makes it was made before.
     *
     * @return the ids of the sends stored now; the others existed (nothing of them stored, nothing announced)
     */
    public Set<String> insertAllIfAbsent(List<Announced> sends) {
        List<String> ids = sends.stream().map(announced -> announced.send().id()).toList();
        List<Document> documents = sends.stream().map(this::document).toList();
        return UnorderedInserts.insertIfAbsent(mongo, COLLECTION, ids, documents);
    }

    private Document document(Announced announced) {
        Document document = StoredForm.of(converter(), announced.send());
        document.put(REQUESTED_DAY, DeliveryWindow.dayOf(announced.send().requestedAt()));
        withOutbox(document, announced.requested());
        document.put(PROCESSED, List.of());
        return document;
    }

    /** The one place a send's outbox is written: the entry, and the pending flag the relay finds it by. */
    private void withOutbox(Document document, OutboxEntry requested) {
        document.put(OutboxEntry.FIELD, new ArrayList<>(List.of(StoredForm.of(converter(), requested))));
        OutboxDocuments.prepare(document);
    }

    public Optional<Send> find(String tenantId, String sendId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, sendId), Send.class, COLLECTION));
    }

    /** Those of {@code sendIds} the tenant has, in no particular order (one read, by the _id index alone). */
    public List<Send> findAll(String tenantId, Collection<String> sendIds) {
        return mongo.find(IdBatch.of(sendIds), Send.class, COLLECTION).stream()
                .filter(send -> send.tenantId().equals(tenantId)).toList();
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
        Query needing = query(where(RECIPIENT_STATUS).in(statuses))
                .with(Sort.by(Sort.Direction.DESC, "requestedAt")).limit(limit);
        return mongo.find(needing, Send.class, COLLECTION);
    }

    /** How many sends were requested on {@code days} (of one tenant, or of all when null): the overview's bound. */
    public long countRequestedOn(List<String> days, String tenantId) {
        return mongo.count(query(onDays(days, tenantId)), COLLECTION);
    }

    /**
     * The figures of the sends requested in {@code window} (of one tenant, or of all when null): each recipient's
     * status, failure reason and when its e-mail was accepted (the first SENT step of the timeline). Found through
     * the index {@code requested_day}; only the fields needed are read.
     */
    public List<DeliveryOverview.SendFigures> figuresRequestedIn(DeliveryWindow window, String tenantId) {
        Query inWindow = query(onDays(window.days(), tenantId).and("requestedAt").gte(window.from()).lt(window.to()));
        inWindow.fields().include("requestedAt").include("recipients.recipientId").include(RECIPIENT_STATUS)
                .include("recipients.failureReason").include("timeline.step").include("timeline.at")
                .include("timeline.recipientId");
        return mongo.find(inWindow, Document.class, COLLECTION).stream().map(SendStore::figures).toList();
    }

    /** The send requested longest ago with a recipient in {@code status} (of one tenant, or of any when null). */
    public Optional<Send> oldestWithRecipientIn(SendStatus status, String tenantId) {
        Criteria criteria = where(RECIPIENT_STATUS).is(status.name());
        if (tenantId != null) {
            criteria = criteria.and("tenantId").is(tenantId);
        }
        Query oldest = query(criteria).with(Sort.by(Sort.Direction.ASC, "requestedAt")).limit(1);
        return Optional.ofNullable(mongo.findOne(oldest, Send.class, COLLECTION));
    }

    private static Criteria onDays(List<String> days, String tenantId) {
        Criteria criteria = where(REQUESTED_DAY).in(days);
        return tenantId == null ? criteria : criteria.and("tenantId").is(tenantId);
    }

    private static DeliveryOverview.SendFigures figures(Document send) {
        Map<String, Instant> accepted = new HashMap<>();
        for (Document entry : send.getList("timeline", Document.class, List.of())) {
            if (SendStatus.SENT.name().equals(entry.getString("step")) && entry.getString("recipientId") != null
                    && entry.getDate("at") != null) {
                accepted.putIfAbsent(entry.getString("recipientId"), entry.getDate("at").toInstant());
            }
        }
        List<DeliveryOverview.RecipientFigures> recipients = send.getList("recipients", Document.class, List.of())
                .stream().map(recipient -> new DeliveryOverview.RecipientFigures(
                        SendStatus.valueOf(recipient.getString("status")), recipient.getString("failureReason"),
                        accepted.get(recipient.getString("recipientId"))))
                .toList();
        Date requestedAt = send.getDate("requestedAt");
        return new DeliveryOverview.SendFigures(requestedAt == null ? null : requestedAt.toInstant(), recipients);
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
                .addToSet(PROCESSED, eventId);
        if (change.replacing() != null) {
            // the version condition makes the index the one the change was computed from
            update.set("timeline." + change.replacing(), StoredForm.of(converter(), change.entry()));
        } else if (change.entry() != null) {
            update.push("timeline", StoredForm.of(converter(), change.entry()));
        }
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
