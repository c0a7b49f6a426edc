package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * The indexed backends return what the library's own scan returns, for every served filter, while documents are
 * inserted, updated and deleted; run in strict mode, so every one of these filters is also proven served.
 */
class IndexedStoreTest {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    static Stream<Arguments> backends() {
        return Stream.of(
                Arguments.of("memory", (Function<ScanPolicy, MongoBackend>) IndexedMemoryBackend::new,
                        (Supplier<MongoBackend>) MemoryBackend::new),
                Arguments.of("h2", (Function<ScanPolicy, MongoBackend>) policy -> IndexedH2Backend.open(null, policy),
                        (Supplier<MongoBackend>) H2Backend::inMemory));
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    private MongoCollection<Document> collection(MongoBackend backend) {
        return database(backend).getCollection("things");
    }

    private MongoDatabase database(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        clients.add(client);
        return client.getDatabase("test");
    }

    private static void declareIndexes(MongoCollection<Document> things) {
        things.createIndex(Indexes.ascending("tenant", "status"), new IndexOptions().name("tenant_status"));
        things.createIndex(Indexes.ascending("recipients.status"), new IndexOptions().name("recipient_status"));
        things.createIndex(Indexes.ascending("pending"),
                new IndexOptions().name("pending").partialFilterExpression(Filters.eq("pending", true)));
        things.createIndex(Indexes.ascending("tenant", "number"), new IndexOptions().name("number").unique(true));
    }

    private static List<Document> data() {
        List<Document> documents = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            Document document = new Document("_id", "t" + i).append("tenant", "tenant-" + (i % 3))
                    .append("number", i).append("status", i % 4 == 0 ? "DRAFT" : "SENT")
                    .append("amount", i % 5 == 0 ? (Object) (long) i : (Object) (double) i)
                    .append("recipients", List.of(new Document("status", i % 2 == 0 ? "PENDING" : "DELIVERED"),
                            new Document("status", "OPENED")));
            if (i % 7 == 0) {
                document.append("pending", true);
            } else if (i % 7 == 1) {
                document.append("pending", null);
            }
            documents.add(document);
        }
        return documents;
    }

    private static final List<Bson> SERVED = List.of(
            Filters.eq("tenant", "tenant-1"),
            Filters.and(Filters.eq("tenant", "tenant-1"), Filters.eq("status", "DRAFT")),
            Filters.and(Filters.eq("tenant", "tenant-2"), Filters.gt("number", 20)),
            Filters.in("tenant", "tenant-0", "tenant-2", "nobody"),
            Filters.and(Filters.eq("tenant", "tenant-0"), Filters.in("status", "DRAFT", "SENT")),
            Filters.eq("recipients.status", "PENDING"),
            Filters.eq("recipients.status", "OPENED"),
            Filters.eq("pending", true),
            Filters.exists("pending"),
            Filters.and(Filters.eq("pending", true), Filters.or(Filters.exists("lease", false),
                    Filters.lt("lease", 5))),
            Filters.or(Filters.eq("tenant", "tenant-1"), Filters.eq("pending", true)),
            Filters.and(Filters.in("_id", "t1", "t2", "t30"), Filters.eq("tenant", "tenant-0")),
            Filters.and(Filters.eq("tenant", "tenant-1"), Filters.eq("number", 4)),
            Filters.and(Filters.eq("tenant", "tenant-1"), Filters.eq("number", 4.0)));

    private static List<Document> find(MongoCollection<Document> things, Bson filter) {
        return things.find(filter).sort(Sorts.ascending("_id")).into(new ArrayList<>());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void every_served_filter_returns_what_the_library_scan_returns_through_inserts_updates_and_deletes(
            String name, Function<ScanPolicy, MongoBackend> backend, Supplier<MongoBackend> library) {
        MongoCollection<Document> indexed = collection(backend.apply(ScanPolicy.reject(Set.of())));
        MongoCollection<Document> scanned = collection(library.get());
        declareIndexes(indexed);
        declareIndexes(scanned);
        List<Document> data = data();
        indexed.insertMany(data.subList(0, 30));
        scanned.insertMany(data.subList(0, 30));
        for (MongoCollection<Document> things : List.of(indexed, scanned)) {
            things.insertMany(data().subList(30, 60)); // index built at create time, then kept on insert
            things.updateMany(Filters.eq("tenant", "tenant-1"), Updates.set("status", "PAID"));
            things.updateOne(Filters.eq("_id", "t3"), Updates.set("tenant", "tenant-2"));
            things.updateMany(Filters.eq("pending", true), Updates.unset("pending"));
            things.updateOne(Filters.eq("_id", "t9"), Updates.set("pending", true));
            things.updateOne(Filters.eq("_id", "t13"), Updates.set("recipients", List.of()));
            things.deleteMany(Filters.eq("recipients.status", "PENDING"));
            things.findOneAndUpdate(Filters.eq("tenant", "tenant-0"), Updates.set("status", "TAKEN"));
            things.replaceOne(Filters.eq("_id", "t11"), new Document("tenant", "tenant-9").append("number", 11));
            things.findOneAndDelete(Filters.and(Filters.eq("tenant", "tenant-2"), Filters.eq("status", "SENT")));
        }

        assertThat(indexed.estimatedDocumentCount()).isEqualTo(scanned.estimatedDocumentCount()).isPositive();
        for (Bson filter : SERVED) {
            assertThat(find(indexed, filter)).as(filter.toString()).isEqualTo(find(scanned, filter));
            // countDocuments is an aggregation, planned with its $match
            assertThat(indexed.countDocuments(filter)).as(filter.toString()).isEqualTo(scanned.countDocuments(filter));
        }
        assertThat(find(indexed, Filters.eq("tenant", "tenant-1"))).isNotEmpty()
                .allSatisfy(document -> assertThat(document.get("status")).isEqualTo("PAID"));
        assertThat(find(indexed, Filters.eq("pending", true))).extracting(document -> document.get("_id"))
                .containsExactly("t9");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void no_running_total_of_the_documents_sizes_is_kept_where_the_library_keeps_one(
            String name, Function<ScanPolicy, MongoBackend> backend, Supplier<MongoBackend> library) {
        MongoDatabase indexed = database(backend.apply(ScanPolicy.allow()));
        MongoDatabase scanned = database(library.get());
        for (MongoDatabase store : List.of(indexed, scanned)) {
            store.getCollection("things").insertMany(data());
            store.getCollection("things").updateMany(Filters.eq("tenant", "tenant-1"), Updates.set("status", "PAID"));
        }

        assertThat(dataSize(scanned)).isPositive();
        assertThat(dataSize(indexed)).isZero();
        assertThat(indexed.getCollection("things").countDocuments()).isEqualTo(60);
    }

    private static long dataSize(MongoDatabase store) {
        return store.runCommand(new Document("collStats", "things")).get("size", Number.class).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void a_sorted_query_with_a_limit_returns_what_the_library_scan_returns_ties_and_missing_values_included(
            String name, Function<ScanPolicy, MongoBackend> backend, Supplier<MongoBackend> library) {
        MongoCollection<Document> indexed = collection(backend.apply(ScanPolicy.reject(Set.of())));
        MongoCollection<Document> scanned = collection(library.get());
        for (MongoCollection<Document> things : List.of(indexed, scanned)) {
            declareIndexes(things);
            things.insertMany(data());
            things.updateMany(Filters.eq("tenant", "tenant-1"), Updates.set("status", "PAID"));
            things.updateOne(Filters.eq("_id", "t4"), Updates.set("number", 1000));
        }
        Document withoutStatus = new Document("_id", "no-status").append("tenant", "tenant-2").append("number", 500);

        List<Bson> filters = List.of(Filters.in("tenant", "tenant-0", "tenant-1"), Filters.eq("tenant", "tenant-0"),
                Filters.and(Filters.in("tenant", "tenant-0", "tenant-2"), Filters.gt("amount", 10)));
        List<Bson> sorts = List.of(Sorts.ascending("status"), Sorts.descending("status"), Sorts.ascending("number"),
                Sorts.descending("number"));
        for (int round = 0; round < 2; round++) {
            for (Bson filter : filters) {
                for (Bson sort : sorts) {
                    for (int[] skipAndLimit : new int[][] {{0, 1}, {0, 3}, {2, 4}, {0, 50}}) {
                        String what = filter + " " + sort + " skip " + skipAndLimit[0] + " limit " + skipAndLimit[1];
                        assertThat(indexed.find(filter).sort(sort).skip(skipAndLimit[0]).limit(skipAndLimit[1])
                                .into(new ArrayList<>())).as(what).isEqualTo(scanned.find(filter).sort(sort)
                                .skip(skipAndLimit[0]).limit(skipAndLimit[1]).into(new ArrayList<>()));
                    }
                    Document taken = indexed.findOneAndUpdate(filter, Updates.inc("touched", 1),
                            new com.mongodb.client.model.FindOneAndUpdateOptions().sort(sort));
                    Document takenToo = scanned.findOneAndUpdate(filter, Updates.inc("touched", 1),
                            new com.mongodb.client.model.FindOneAndUpdateOptions().sort(sort));
                    assertThat(taken).as(filter + " " + sort).isEqualTo(takenToo);
                }
            }
            if (round == 0) { // then again with a candidate whose sort field is missing: the library's sort decides
                indexed.insertOne(withoutStatus);
                scanned.insertOne(withoutStatus);
            }
        }
    }
}

