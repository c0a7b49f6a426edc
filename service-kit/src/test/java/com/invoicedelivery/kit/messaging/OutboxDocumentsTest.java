package com.invoicedelivery.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

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
    void aDocumentWhoseIdIsTakenIsNotStoredAgainAndTheFirstOneStaysAsItWas() {
        OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a").append("state", "FIRST"), collection);

        assertThat(OutboxDocuments.insertIfAbsent(mongo, new Document("_id", "a").append("state", "SECOND"),
                collection)).isFalse();

        List<Document> all = mongo.findAll(Document.class, collection);
        assertThat(all).singleElement().satisfies(only -> assertThat(only.getString("state")).isEqualTo("FIRST"));
    }
}
