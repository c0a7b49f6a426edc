package com.invoicedelivery.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's data survives a restart of the document store. */
class DocumentStoreTest {

    @TempDir
    Path directory;

    @Test
    void dataKeptInAFileSurvivesARestart() {
        Path file = directory.resolve("store.mv");
        try (DocumentStore store = DocumentStore.start(0, file);
             MongoClient client = MongoClients.create(store.uri("invoice"))) {
            client.getDatabase("invoice").getCollection("clients")
                    .insertOne(new Document("_id", "c1").append("name", "Алфа Трейд ООД"));
        }
        try (DocumentStore store = DocumentStore.start(0, file);
             MongoClient client = MongoClients.create(store.uri("invoice"))) {
            Document found = client.getDatabase("invoice").getCollection("clients").find().first();
            assertThat(found).isNotNull();
            assertThat(found.getString("name")).isEqualTo("Алфа Трейд ООД");
        }
    }

    @Test
    void withoutAFileTheDataLivesInMemoryOnly() {
        try (DocumentStore store = DocumentStore.start(0, null);
             MongoClient client = MongoClients.create(store.uri("pdf"))) {
            client.getDatabase("pdf").getCollection("documents").insertOne(new Document("_id", "d1"));
            assertThat(client.getDatabase("pdf").getCollection("documents").countDocuments()).isEqualTo(1);
        }
        try (DocumentStore store = DocumentStore.start(0, null);
             MongoClient client = MongoClients.create(store.uri("pdf"))) {
            assertThat(client.getDatabase("pdf").getCollection("documents").countDocuments()).isZero();
        }
    }
}
