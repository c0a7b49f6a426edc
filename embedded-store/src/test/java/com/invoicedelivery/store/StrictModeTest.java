package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

/** In strict mode a filter no index serves fails like on a MongoDB started with notablescan. */
class StrictModeTest {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdown);
    }

    private MongoCollection<Document> things(MongoBackend backend) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        clients.add(client);
        return client.getDatabase("test").getCollection("things");
    }

    private MongoCollection<Document> strict(Set<String> allowed) {
        MongoCollection<Document> things = things(new IndexedMemoryBackend(ScanPolicy.reject(allowed)));
        things.createIndex(Indexes.ascending("tenant"), new IndexOptions().name("tenant"));
        things.createIndex(Indexes.ascending("kind", "number"), new IndexOptions().name("kind_number").unique(true));
        things.insertMany(List.of(new Document("_id", 1).append("tenant", "a").append("status", "SENT")
                        .append("kind", "k").append("number", 1),
                new Document("_id", 2).append("tenant", "b").append("status", "DRAFT").append("kind", "k")
                        .append("number", 2)));
        return things;
    }

    private static int code(Throwable e) {
        return ((MongoException) e).getCode();
    }

    @Test
    void a_find_update_delete_or_count_on_an_unindexed_field_fails_with_no_query_execution_plans() {
        MongoCollection<Document> things = strict(Set.of());

        for (Runnable scanning : List.<Runnable>of(
                () -> things.find(Filters.eq("status", "SENT")).first(),
                () -> things.updateMany(Filters.eq("status", "SENT"), Updates.set("x", 1)),
                () -> things.findOneAndUpdate(Filters.eq("status", "SENT"), Updates.set("x", 1)),
                () -> things.deleteMany(Filters.eq("status", "SENT")),
                () -> things.countDocuments(Filters.eq("status", "SENT")),
                // a range on a field no secondary index leads with (the unique index's second field)
                () -> things.find(Filters.and(Filters.gt("number", 0), Filters.eq("status", "SENT"))).first())) {
            assertThatThrownBy(scanning::run).isInstanceOf(MongoException.class)
                    .satisfies(e -> assertThat(code(e)).isEqualTo(291))
                    .hasMessageContaining("test.things");
        }
        assertThatThrownBy(() -> things.find(Filters.eq("status", "SENT")).first())
                .hasMessageContaining("things {\"status\" : \"?\"} sort {}");
    }

    @Test
    void indexed_filters_id_lookups_empty_filters_and_aggregations_with_an_indexed_match_run() {
        MongoCollection<Document> things = strict(Set.of());

        assertThat(things.find(Filters.and(Filters.eq("tenant", "a"), Filters.eq("status", "SENT")))
                .into(new ArrayList<>())).hasSize(1);
        // a range on the leading field of a secondary index compares the index's keys
        assertThat(things.find(Filters.and(Filters.gt("tenant", "a"), Filters.lte("tenant", "b")))
                .into(new ArrayList<>())).extracting(document -> document.get("_id")).containsExactly(2);
        // a prefix of a compound unique index
        assertThat(things.find(Filters.eq("kind", "k")).into(new ArrayList<>())).hasSize(2);
        assertThat(things.find(Filters.and(Filters.eq("_id", 2), Filters.eq("status", "DRAFT")))
                .into(new ArrayList<>())).hasSize(1);
        assertThat(things.estimatedDocumentCount()).isEqualTo(2);
        assertThat(things.countDocuments()).isEqualTo(2); // an empty filter: notablescan lets it through too
        assertThat(things.find().into(new ArrayList<>())).hasSize(2);
        assertThat(things.find().sort(Sorts.ascending("_id")).limit(1).into(new ArrayList<>())).hasSize(1);
        assertThat(things.aggregate(List.of(Aggregates.match(Filters.eq("tenant", "b")))).into(new ArrayList<>()))
                .hasSize(1);
        assertThat(things.countDocuments(Filters.eq("tenant", "b"))).isEqualTo(1);
    }

    @Test
    void a_shape_on_the_allowlist_runs_and_others_still_fail() {
        MongoCollection<Document> things = strict(Set.of("things {\"status\" : \"?\"} sort {}"));

        assertThat(things.find(Filters.eq("status", "DRAFT")).into(new ArrayList<>())).hasSize(1);
        assertThatThrownBy(() -> things.find(Filters.eq("other", "DRAFT")).first())
                .satisfies(e -> assertThat(code(e)).isEqualTo(291));
    }

    @Test
    void an_h2_file_reopened_rebuilds_its_secondary_indexes(@TempDir Path directory) {
        String file = directory.resolve("store.mv").toString();
        MongoCollection<Document> first = things(IndexedH2Backend.open(file, ScanPolicy.reject(Set.of())));
        first.createIndex(Indexes.ascending("tenant"), new IndexOptions().name("tenant"));
        first.insertMany(List.of(new Document("_id", 1).append("tenant", "a"), new Document("_id", 2).append("tenant", "b")));
        stop();
        servers.clear();
        clients.clear();

        MongoCollection<Document> reopened = things(IndexedH2Backend.open(file, ScanPolicy.reject(Set.of())));

        assertThat(reopened.find(Filters.eq("tenant", "b")).into(new ArrayList<>()))
                .extracting(document -> document.get("_id")).containsExactly(2);
        assertThatThrownBy(() -> reopened.find(Filters.eq("other", 1)).first())
                .satisfies(e -> assertThat(code(e)).isEqualTo(291));
    }
}
