package com.invoicedelivery.invoice.shared.persistence;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * New documents of one request stored in one unordered insert: a document whose id (or unique key) is taken is
 * skipped without stopping the others, and the caller learns which were stored.
 */
public final class UnorderedInserts {

    private UnorderedInserts() {
    }

    /**
     * @param ids the {@code _id} of each of {@code documents}, in their order
     * @return the ids of the documents stored now; the others hit a duplicate key (nothing of them stored)
     */
    public static Set<String> insertIfAbsent(MongoTemplate mongo, String collection, List<String> ids,
                                             List<Document> documents) {
        Set<String> stored = new LinkedHashSet<>(ids);
        if (documents.isEmpty()) {
            return stored; // MongoDB refuses an insert of nothing
        }
        mongo.execute(collection, store -> {
            try {
                store.insertMany(documents, new InsertManyOptions().ordered(false));
            } catch (MongoBulkWriteException partly) {
                // each duplicate key is a document made before; any other failure is the whole request's
                if (partly.getWriteConcernError() != null || partly.getWriteErrors().stream().anyMatch(error ->
                        ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY)) {
                    throw partly;
                }
                partly.getWriteErrors().stream().map(BulkWriteError::getIndex).map(ids::get).forEach(stored::remove);
            }
            return null;
        });
        return stored;
    }
}
