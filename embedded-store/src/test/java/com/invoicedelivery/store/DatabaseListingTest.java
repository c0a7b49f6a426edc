package com.invoicedelivery.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Listing the databases ({@code listDatabases}, which the TTL monitor sends every minute) answers from the databases
 * already open. The library opens each of them anew to ask whether it is empty: on the file that read every
 * document again to rebuild the indexes (after 12 000 sends in the end-to-end benchmark, a quarter of a core at rest
 * and the heap's churn with it).
 */
class DatabaseListingTest {

    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    static Stream<Arguments> backends() {
        // strict: every query here is served by an index
        ScanPolicy strict = ScanPolicy.reject(Set.of());
        return Stream.of(
                Arguments.of("memory", (Supplier<AbstractMongoBackend>) () -> new IndexedMemoryBackend(strict)),
                Arguments.of("h2", (Supplier<AbstractMongoBackend>) () -> IndexedH2Backend.open(null, strict)));
    }

    @AfterEach
    void stop() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void listingTheDatabasesNamesEachOnceWithWhetherItHoldsDocumentsAndOpensNoneAgain(String name,
            Supplier<AbstractMongoBackend> backends) {
        AbstractMongoBackend backend = backends.get();
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create(server.bindAndGetConnectionString());
        clients.add(client);
        client.getDatabase("sends").getCollection("things").createIndex(Indexes.ascending("status"));
        client.getDatabase("sends").getCollection("things").insertOne(new Document("status", "SENT"));
        Object open = backend.resolveDatabase("sends");

        List<Document> listed = client.listDatabases().into(new ArrayList<>());

        assertThat(listed).filteredOn(database -> "sends".equals(database.get("name")))
                .singleElement()
                .satisfies(database -> assertThat(database.getBoolean("empty")).isFalse());
        assertThat(backend.resolveDatabase("sends")).as("the database the clients use").isSameAs(open);
        assertThat(client.getDatabase("sends").getCollection("things").countDocuments(new Document("status", "SENT")))
                .isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("backends")
    void aDatabaseAlreadyOpenIsHandedBackInsteadOfOpenedAgain(String name, Supplier<AbstractMongoBackend> backends) {
        AbstractMongoBackend backend = backends.get();
        Object open = backend.resolveDatabase("sends");

        Object again = backend instanceof IndexedH2Backend h2 ? h2.openOrCreateDatabase("sends")
                : ((IndexedMemoryBackend) backend).openOrCreateDatabase("sends");

        assertThat(again).isSameAs(open);
    }
}
