package com.invoicedelivery.kit.testing;

import java.util.Set;

import com.invoicedelivery.store.IndexedMemoryBackend;
import com.invoicedelivery.store.ScanPolicy;

import de.bwaldvogel.mongo.MongoServer;

/**
 * One in-memory MongoDB-wire server per test JVM; each test context takes its own database in it. The store is
 * strict: a query, update, delete or aggregation that no index serves fails with MongoDB's notablescan error (code
 * 291), so a scanning query fails a test here as it does against MongoDB in the *ContainersTest variants (see
 * docs/ARCHITECTURE.md, "Indexes").
 */
public final class EmbeddedMongo {

    /**
     * Query shapes allowed to scan, each as the error names it ({@code "<collection> <filter> sort <sort>"}) with
     * the reason. Production shapes are fixed by an index instead; this lists only what tests themselves read.
     */
    static final Set<String> ALLOWED_SCANS = Set.of();

    private static MongoServer server;
    private static String connectionString;

    private EmbeddedMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new IndexedMemoryBackend(ScanPolicy.reject(ALLOWED_SCANS)));
            connectionString = server.bindAndGetConnectionString();
            // no shutdown hook to stop it: the JVM's hooks run at once, so the store went before the test contexts
            // (closed by Spring's hook) had made their last writes, and each of those (mail-dispatch releasing its
            // SMTP connection slots) waited the driver's 30 s server selection: Surefire killed the fork. It lives in
            // memory and ends with the JVM.
        }
        return connectionString + "/" + database;
    }
}
