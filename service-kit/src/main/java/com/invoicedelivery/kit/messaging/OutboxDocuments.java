package com.invoicedelivery.kit.messaging;

import java.util.ArrayList;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Writing documents that carry an outbox (ADR 0001), the same way in every store. */
public final class OutboxDocuments {

    private OutboxDocuments() {
    }

    /**
     * Inserts a new document with an empty outbox, so the relay's query and later {@code $push}es find the array.
     *
     * @return false when a document with its id exists already (a redelivered event made it before): the caller's
     *         idempotency, without reading first
     */
    public static boolean insertIfAbsent(MongoTemplate mongo, Document document, String collection) {
        document.put(OutboxEntry.FIELD, new ArrayList<>());
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }
}
