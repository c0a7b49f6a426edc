package com.invoicedelivery.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import ch.qos.logback.classic.Level;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times the store commands the services make most (inserts in batches of 200, updates by {@code _id}, finds by a
 * compound unique key) on the H2 file store, through the MongoDB driver, in one JVM; the collection has a secondary
 * index too (on a field the updates leave alone, as most updates leave most indexes), and each document a body of
 * the given size (a send is 1.5–3 KB). Not a test: run by hand
 * (docs/PERFORMANCE.md, "The store's unique indexes"); a figure of it is only comparable with one taken on the same
 * machine in the same minutes, e.g. against an earlier commit's classes.
 *
 * <p>{@code java -cp <test classpath> com.invoicedelivery.store.StoreCommandsBenchmark [documents, 5000]
 * [body characters, 300]}
 */
public final class StoreCommandsBenchmark {

    private static final int BATCH = 200;
    private static final int UPDATE_ROUNDS = 3;

    private StoreCommandsBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int documents = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int body = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        // the driver and the server log every command at DEBUG without a configuration: not what is timed
        if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(Level.WARN);
        }
        Path directory = Files.createTempDirectory("store-bench");
        MongoServer server = new MongoServer(IndexedH2Backend.open(directory.resolve("bench.mv").toString(),
                ScanPolicy.allow()));
        try (MongoClient client = MongoClients.create(server.bindAndGetConnectionString())) {
            MongoCollection<Document> sends = client.getDatabase("bench").getCollection("sends");
            sends.createIndex(Indexes.ascending("tenantId", "invoiceId"), new IndexOptions().unique(true));
            sends.createIndex(Indexes.ascending("tenantId", "requestedDay"));
            List<Document> made = new ArrayList<>();
            for (int i = 0; i < documents; i++) {
                made.add(new Document("_id", UUID.randomUUID().toString()).append("tenantId", "t" + i % 5)
                        .append("invoiceId", "inv-" + i).append("requestedDay", "2026-12-0" + (1 + i % 7))
                        .append("status", "REQUESTED").append("body", "x".repeat(body)));
            }
            long started = System.nanoTime();
            for (int i = 0; i < documents; i += BATCH) {
                sends.insertMany(made.subList(i, Math.min(documents, i + BATCH)));
            }
            long inserted = System.nanoTime();
            for (int round = 0; round < UPDATE_ROUNDS; round++) {
                for (Document document : made) {
                    sends.updateOne(Filters.eq("_id", document.get("_id")), Updates.set("status", "SENT" + round));
                }
            }
            long updated = System.nanoTime();
            for (Document document : made) {
                sends.find(new Document("tenantId", document.get("tenantId"))
                        .append("invoiceId", document.get("invoiceId"))).first();
            }
            long found = System.nanoTime();
            System.out.printf("%d documents of %d characters: inserts (batches of %d) %.0f ms, %d updates by _id %.0f"
                            + " ms, %d finds by the unique key %.0f ms%n", documents, body, BATCH,
                    (inserted - started) / 1e6, UPDATE_ROUNDS * documents, (updated - inserted) / 1e6, documents,
                    (found - updated) / 1e6);
        } finally {
            server.shutdown();
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }
}
