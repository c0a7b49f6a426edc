package com.invoicedelivery.invoice.shared.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Collection;

import org.springframework.data.mongodb.core.query.Query;

/**
 * The batch read of a request that names many documents: {@code _id $in} and nothing else, which every store serves
 * by the _id index, in one round trip (the cursor's first
 * batch holds them all; MongoDB's default first batch stops at 101). The caller checks the tenant of what it read.
 */
public final class IdBatch {

    private IdBatch() {
    }

    public static Query of(Collection<String> ids) {
        return query(where("_id").in(ids)).cursorBatchSize(Math.max(1, ids.size()));
    }
}
