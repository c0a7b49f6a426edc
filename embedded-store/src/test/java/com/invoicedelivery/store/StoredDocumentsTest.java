package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the H2 file keeps is read back exactly, after a restart, and files of the library's own format still open. */
class StoredDocumentsTest {

    @TempDir
    Path directory;

    private static Document everyKindOfValue() {
        return new Document("_id", new ObjectId("65a1b2c3d4e5f60718293a4b"))
                .append("text", "Фактура № 1 — ünïcödé").append("int", 42).append("long", 1L << 40)
                .append("double", 0.1).append("decimal", new Decimal128(new BigDecimal("1234.56")))
                .append("yes", true).append("nothing", null).append("at", Date.from(Instant.parse("2026-12-06T10:15:30.123Z")))
                .append("bytes", new Binary(new byte[] {0, 1, 2, (byte) 0xBD, (byte) 0xFF}))
                .append("nested", new Document("lines", List.of(new Document("n", 1), new Document("n", 2))))
                .append("list", List.of("a", 1, new Document("deep", List.of()), List.of(1, 2)));
    }

    private void withStore(MongoBackend backend, Consumer<MongoCollection<Document>> use) {
        MongoServer server = new MongoServer(backend);
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            use.accept(client.getDatabase("test").getCollection("things"));
        } finally {
            server.shutdown();
        }
    }

    private List<Document> all(MongoCollection<Document> things) {
        return things.find().into(new ArrayList<>());
    }

    @Test
    void everyKindOfValueIsReadBackExactlyAfterTheStoreIsReopened() {
        String file = directory.resolve("store.mv").toString();
        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> things.insertOne(everyKindOfValue()));

        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()),
                things -> assertThat(all(things)).containsExactly(everyKindOfValue()));
    }

    @Test
    void documentsAreStoredAsBsonNotJavaSerialisation() throws Exception {
        Path file = directory.resolve("store.mv");
        withStore(IndexedH2Backend.open(file.toString(), ScanPolicy.allow()), things -> {
            for (int i = 0; i < 50; i++) {
                things.insertOne(new Document("_id", "d" + i).append("value", "unique-text-" + i));
            }
        });

        // Java serialisation names the classes it writes; BSON does not
        String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(content).contains("unique-text-7").doesNotContain("java.util.LinkedHashMap")
                .doesNotContain("de.bwaldvogel.mongo.bson.Document");
    }

    @Test
    void aFileWrittenByTheLibrarysOwnBackendOpensAndItsDocumentsStayReadableWhenWrittenAgain() {
        String file = directory.resolve("store.mv").toString();
        withStore(new H2Backend(file), things -> {
            things.insertOne(everyKindOfValue());
            things.insertOne(new Document("_id", "second").append("n", 1));
        });

        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> {
            assertThat(all(things)).containsExactlyInAnyOrder(everyKindOfValue(),
                    new Document("_id", "second").append("n", 1));
            things.updateOne(Filters.eq("_id", "second"), Updates.set("n", 2));
        });

        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> assertThat(all(things))
                .containsExactlyInAnyOrder(everyKindOfValue(), new Document("_id", "second").append("n", 2)));
    }

    @Test
    void aUniqueIndexStillRefusesADuplicateAndFindsByItsKeyAfterTheStoreIsReopened() {
        String file = directory.resolve("store.mv").toString();
        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> {
            things.createIndex(Indexes.ascending("tenant", "number"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", "a").append("tenant", "t1").append("number", "0000000001"));
            things.insertOne(new Document("_id", "b").append("tenant", "t2").append("number", "0000000001"));
        });

        withStore(IndexedH2Backend.open(file, ScanPolicy.reject(Set.of())), things -> {
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "c").append("tenant", "t1")
                    .append("number", "0000000001"))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "a"))).isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
            // served by the unique index (strict: a scan would fail)
            assertThat(things.find(Filters.and(Filters.eq("tenant", "t2"), Filters.eq("number", "0000000001")))
                    .into(new ArrayList<>())).extracting(document -> document.get("_id")).containsExactly("b");
            assertThat(things.find(Filters.eq("_id", "a")).into(new ArrayList<>())).hasSize(1);
        });
    }

    @Test
    void aFileWhoseUniqueIndexesTheLibraryKeptInMapsOpensWithThemRebuiltAndTheMapsRemoved() {
        String file = directory.resolve("store.mv").toString();
        withStore(new H2Backend(file), things -> {
            things.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            things.insertOne(new Document("_id", "a").append("number", "1"));
            things.insertOne(new Document("_id", "b").append("number", "2"));
        });

        withStore(IndexedH2Backend.open(file, ScanPolicy.reject(Set.of())), things -> {
            assertThat(things.find(Filters.eq("number", "2")).into(new ArrayList<>()))
                    .extracting(document -> document.get("_id")).containsExactly("b");
            assertThatThrownBy(() -> things.insertOne(new Document("_id", "c").append("number", "1")))
                    .isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
        });

        MVStore reopened = new MVStore.Builder().fileName(file).readOnly().open();
        try {
            assertThat(reopened.getMapNames()).noneMatch(name -> name.contains("._index_"))
                    .contains("databases.test.things");
        } finally {
            reopened.close();
        }
    }

    @Test
    void aDroppedUniqueIndexNoLongerRefusesAndADroppedCollectionStartsEmpty() {
        String file = directory.resolve("store.mv").toString();
        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> {
            things.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true).name("number_unique"));
            things.insertOne(new Document("_id", "a").append("number", "1"));
            things.dropIndex("number_unique");
            things.insertOne(new Document("_id", "b").append("number", "1"));
            assertThat(all(things)).hasSize(2);

            things.drop();
            things.insertOne(new Document("_id", "a").append("number", "2"));
            assertThat(all(things)).containsExactly(new Document("_id", "a").append("number", "2"));
        });

        withStore(IndexedH2Backend.open(file, ScanPolicy.allow()), things -> assertThat(all(things))
                .containsExactly(new Document("_id", "a").append("number", "2")));
    }
}
