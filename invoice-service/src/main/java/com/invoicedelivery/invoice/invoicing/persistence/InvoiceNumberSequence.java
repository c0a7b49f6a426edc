package com.invoicedelivery.invoice.invoicing.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Each tenant's invoice number sequence: one counter document per tenant, changed only by atomic updates, so two
 * concurrent requests never get the same number.
 */
public class InvoiceNumberSequence {

    public static final String COLLECTION = "invoice_number_sequences";
    private static final String LAST = "last";

    private final MongoTemplate mongo;

    public InvoiceNumberSequence(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The next position of the tenant's sequence (1 for its first invoice). */
    public long next(String tenantId) {
        Document counter = mongo.findAndModify(query(where("_id").is(tenantId)), new Update().inc(LAST, 1L),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counter.get(LAST)).longValue();
    }

    /**
     * The next {@code count} positions of the tenant's sequence at once (an import batch's invoices), in one atomic
     * update: the first of them; the others follow it without a gap.
     */
    public long nextBlock(String tenantId, int count) {
        Document counter = mongo.findAndModify(query(where("_id").is(tenantId)), new Update().inc(LAST, (long) count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
        return ((Number) counter.get(LAST)).longValue() - count + 1;
    }

    /** Moves the sequence past a number the user chose, so the next automatic number follows it. */
    public void observe(String tenantId, long used) {
        mongo.upsert(query(where("_id").is(tenantId)), new Update().max(LAST, used), COLLECTION);
    }
}
