package com.invoicedelivery.invoice.invoicing.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.InvoiceStatus;
import com.invoicedelivery.invoice.invoicing.domain.LatestSend;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.shared.persistence.IdBatch;
import com.invoicedelivery.invoice.shared.persistence.StoredForm;
import com.invoicedelivery.invoice.shared.persistence.UnorderedInserts;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The invoices collection. Every query names the tenant; a unique index keeps numbers unique per tenant. Changes
 * are conditional single-document updates, never read-modify-replace, so concurrent changes cannot undo each other.
 */
public class InvoiceStore implements InitializingBean {

    public static final String COLLECTION = "invoices";
    private static final String LATEST_SEND = "latestSend";

    private final MongoTemplate mongo;

    public InvoiceStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC)
                .on("number", Sort.Direction.ASC).unique().named("tenant_number_unique"));
        // the list (any filter) has equality on the tenant only; tenant_number_unique's prefix would serve it too,
        // this one is kept as the list's own (docs/ARCHITECTURE.md, "Indexes")
        mongo.indexOps(COLLECTION).createIndex(new Index().on("tenantId", Sort.Direction.ASC).named("tenant"));
    }

    /** Stores a new invoice; false (nothing stored) when its id is taken or the tenant has an invoice with its number. */
    public boolean insert(Invoice invoice) {
        try {
            mongo.insert(invoice, COLLECTION);
            return true;
        } catch (DuplicateKeyException numberTaken) {
            return false;
        }
    }

    /**
     * {@link #insert} for many invoices (an import batch's) in one unordered insert.
     *
     * @return the ids of the invoices stored now; each other one's id was taken, or its number
     */
    public Set<String> insertAll(List<Invoice> invoices) {
        return UnorderedInserts.insertIfAbsent(mongo, COLLECTION, invoices.stream().map(Invoice::id).toList(),
                invoices.stream().map(invoice -> StoredForm.of(mongo.getConverter(), invoice)).toList());
    }

    public Optional<Invoice> find(String tenantId, String invoiceId) {
        return Optional.ofNullable(mongo.findOne(byId(tenantId, invoiceId), Invoice.class, COLLECTION));
    }

    /**
     * Those of {@code invoiceIds} the tenant has, in no particular order: one read by the _id index alone (the
     * tenant is checked here, as every store serves {@code _id $in} by that index), another tenant's left out.
     */
    public List<Invoice> findAll(String tenantId, Collection<String> invoiceIds) {
        return mongo.find(IdBatch.of(invoiceIds), Invoice.class, COLLECTION).stream()
                .filter(invoice -> invoice.tenantId().equals(tenantId)).toList();
    }

    /** The tenant's invoices, newest number first; a null filter matches every value. */
    public List<Invoice> list(String tenantId, InvoiceStatus status, SendStatus sendStatus) {
        Criteria criteria = where("tenantId").is(tenantId);
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (sendStatus != null) {
            criteria = criteria.and("sendStatus").is(sendStatus);
        }
        return mongo.find(query(criteria).with(Sort.by(Sort.Direction.DESC, "number")), Invoice.class, COLLECTION);
    }

    /** Marks a draft issued; false when it was not a draft any more (another request issued it first). */
    public boolean markIssued(Invoice issued) {
        Query draft = byId(issued.tenantId(), issued.id()).addCriteria(where("status").is(InvoiceStatus.DRAFT));
        Update issue = new Update().set("status", issued.status()).set("issuedAt", issued.issuedAt());
        return mongo.updateFirst(draft, issue, COLLECTION).getModifiedCount() == 1;
    }

    /**
     * Shows {@code latest} as the invoice's send status, unless the invoice already shows a newer send, or a newer
     * report of the same send. Safe to repeat and to run concurrently.
     */
    public void recordLatestSend(String tenantId, String invoiceId, LatestSend latest) {
        mongo.updateFirst(unlessNewerShown(tenantId, invoiceId, latest), showing(latest), COLLECTION);
    }

    /**
     * {@link #recordLatestSend} for many invoices (each id once) in one unordered bulk write: the sends of one
     * request.
     */
    public void recordLatestSends(String tenantId, Map<String, LatestSend> latestByInvoice) {
        if (latestByInvoice.isEmpty()) {
            return;
        }
        BulkOperations updates = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, COLLECTION);
        latestByInvoice.forEach((invoiceId, latest) ->
                updates.updateOne(unlessNewerShown(tenantId, invoiceId, latest), showing(latest)));
        updates.execute();
    }

    private static Query unlessNewerShown(String tenantId, String invoiceId, LatestSend latest) {
        Criteria olderOrSameSendBehind = new Criteria().orOperator(
                where(LATEST_SEND).is(null),
                where(LATEST_SEND + ".requestedAt").lt(latest.requestedAt()),
                where(LATEST_SEND + ".sendId").is(latest.sendId()).and(LATEST_SEND + ".version").lt(latest.version()));
        return byId(tenantId, invoiceId).addCriteria(olderOrSameSendBehind);
    }

    private Update showing(LatestSend latest) {
        return new Update().set(LATEST_SEND, StoredForm.of(mongo.getConverter(), latest))
                .set("sendStatus", latest.status());
    }

    private static Query byId(String tenantId, String invoiceId) {
        return query(where("_id").is(invoiceId).and("tenantId").is(tenantId));
    }
}
