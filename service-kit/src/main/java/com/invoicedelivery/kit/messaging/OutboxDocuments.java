package com.invoicedelivery.kit.messaging;

import java.util.ArrayList;
import java.util.Collection;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Writing documents that carry an outbox (ADR 0001), the same way in every store. A document has
 * {@value #PENDING}{@code : true} exactly while its {@value OutboxEntry#FIELD} holds entries: the writer sets it in
 * the same write that adds an entry, the {@link OutboxRelay} removes it, atomically, when it has emptied the outbox.
 * The relay finds pending documents by that flag alone (index {@value #PENDING_INDEX}), so a store that adds entries
 * without these methods would leave them unpublished until somebody kicks the relay for that very document.
 */
public final class OutboxDocuments {

    /** The flag of a document with entries to publish; absent otherwise. */
    public static final String PENDING = "outboxPending";
    /** The claim of the relay publishing a document's entries: {@code {owner, until}}; absent when nobody holds it. */
    public static final String LEASE = "outboxLease";
    /** The index on {@value #PENDING} the kit creates on every declared {@link OutboxCollection}. */
    public static final String PENDING_INDEX = "outbox_pending";

    private OutboxDocuments() {
    }

    /**
     * Inserts a new document, with its outbox as {@link #prepare(Document)} leaves it.
     *
     * @return false when a document with its id exists already (a redelivered event made it before): the caller's
     *         idempotency, without reading first
     */
    public static boolean insertIfAbsent(MongoTemplate mongo, Document document, String collection) {
        prepare(document);
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /**
     * Makes a new document ready to insert: an outbox (empty when it has none, so later {@code $push}es find the
     * array) and the pending flag exactly when it holds entries. For stores that insert themselves, e.g. in bulk.
     *
     * @return the same document
     */
    public static Document prepare(Document document) {
        Object entries = document.get(OutboxEntry.FIELD);
        if (entries == null) {
            document.put(OutboxEntry.FIELD, new ArrayList<>());
        } else if (!(entries instanceof Collection<?>)) {
            throw new IllegalArgumentException("the outbox of a document is a list, not " + entries.getClass());
        }
        if (entries instanceof Collection<?> list && !list.isEmpty()) {
            document.put(PENDING, true);
        } else {
            document.remove(PENDING);
        }
        document.remove(LEASE);
        return document;
    }

    /**
     * Adds {@code entryDocument} (an {@link OutboxEntry} in its stored form) to the outbox in {@code update}, and
     * flags the document pending in the same write, so the relay cannot clear the flag over the new entry.
     *
     * @return the same update
     */
    public static Update push(Update update, Object entryDocument) {
        return update.push(OutboxEntry.FIELD, entryDocument).set(PENDING, true);
    }
}
