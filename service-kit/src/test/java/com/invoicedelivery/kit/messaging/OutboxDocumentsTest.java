package com.invoicedelivery.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class OutboxDocumentsTest {

    private final MongoTemplate mongo = new MongoTemplate(MongoClients.create(EmbeddedMongo.uri("kit")), "kit");
    private final String collection = "things-" + UUID.randomUUID();

    @Test
    void aNewDocumentIsStoredWithAnEmptyOutbox() {
        assertThat(OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a").append("state", "NEW"), collection))
                .isTrue();

        Document stored = mongo.findById("a", Document.class, collection);
        assertThat(stored.getString("state")).isEqualTo("NEW");
        assertThat(stored.getList(OutboxEntry.FIELD, Object.class)).isEmpty();
    }

    @Test
    void aNewDocumentWithoutEntriesIsNotPendingAndOneWithEntriesIs() {
        OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "quiet"), collection);
        OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "busy")
                .append(OutboxEntry.FIELD, List.of(new Document("eventId", "e1"))), collection);

        assertThat(mongo.findById("quiet", Document.class, collection)).doesNotContainKey(OutboxDocuments.PENDING);
        Document busy = mongo.findById("busy", Document.class, collection);
        assertThat(busy).containsEntry(OutboxDocuments.PENDING, true);
        assertThat(busy.getList(OutboxEntry.FIELD, Document.class)).extracting(entry -> entry.getString("eventId"))
                .containsExactly("e1");
    }

    @Test
    void preparingADocumentForABulkInsertGivesItAnOutboxAndTheFlagByItsEntries() {
        assertThat(OutboxDocuments.prepare(new Document("_id", "a")))
                .containsEntry(OutboxEntry.FIELD, List.of()).doesNotContainKey(OutboxDocuments.PENDING);
        assertThat(OutboxDocuments.prepare(new Document("_id", "b").append(OutboxEntry.FIELD, List.of("entry"))
                .append(OutboxDocuments.LEASE, new Document("owner", "copied"))))
                .containsEntry(OutboxDocuments.PENDING, true).doesNotContainKey(OutboxDocuments.LEASE);
    }

    @Test
    void pushingAnEntryFlagsTheDocumentInTheSameWrite() {
        OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a"), collection);

        mongo.updateFirst(Query.query(Criteria.where("_id").is("a")),
                OutboxDocuments.push(new Update().set("state", "SENT"), new Document("eventId", "e1")), collection);

        Document stored = mongo.findById("a", Document.class, collection);
        assertThat(stored).containsEntry(OutboxDocuments.PENDING, true).containsEntry("state", "SENT");
        assertThat(stored.getList(OutboxEntry.FIELD, Document.class)).hasSize(1);
    }

    @Test
    void aDocumentWhoseIdIsTakenIsNotStoredAgainAndTheFirstOneStaysAsItWas() {
        OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a").append("state", "FIRST"), collection);

        assertThat(OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a").append("state", "SECOND"),
                collection)).isFalse();

        // by _id and a count of all: the strict embedded store refuses a scan, even a test's
        assertThat(mongo.estimatedCount(collection)).isEqualTo(1);
        assertThat(mongo.findById("a", Document.class, collection).getString("state")).isEqualTo("FIRST");
    }
}
