package com.invoicedelivery.kit.testing;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** One in-memory MongoDB-wire server per test JVM; each test context takes its own database in it. */
public final class EmbeddedMongo {

    private static MongoServer server;
    private static String connectionString;

    private EmbeddedMongo() {
    }

    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            connectionString = server.bindAndGetConnectionString();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow, "embedded-mongo-stop"));
        }
        return connectionString + "/" + database;
    }
}
