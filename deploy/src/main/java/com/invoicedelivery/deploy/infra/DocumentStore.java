package com.invoicedelivery.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import com.invoicedelivery.store.IndexedH2Backend;
import com.invoicedelivery.store.IndexedMemoryBackend;
import com.invoicedelivery.store.ScanPolicy;
import com.invoicedelivery.store.TtlMonitor;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An embedded server that speaks the MongoDB wire protocol (mongo-java-server). With a file the data survives
 * a restart (H2 MVStore backend); without one it lives in memory. Each service uses its own database in it.
 * Both backends keep the services' secondary indexes and serve queries with them (module embedded-store); a query
 * no index serves still runs, and its shape is logged once as a warning (tests run the same store strict). Documents
 * that a TTL index expires are deleted every minute, as MongoDB does ({@link TtlMonitor}).
 */
public final class DocumentStore implements AutoCloseable {

    /** As often as MongoDB's own TTL monitor runs. */
    private static final Duration TTL_INTERVAL = Duration.ofSeconds(60);

    private final MongoServer server;
    private final int port;
    private final TtlMonitor ttl;

    private DocumentStore(MongoServer server, int port) {
        this.server = server;
        this.port = port;
        this.ttl = TtlMonitor.start("mongodb://127.0.0.1:" + port, Clock.systemUTC(), TTL_INTERVAL);
    }

    /** @param file the H2 file to keep the data in, or null to keep it in memory */
    public static DocumentStore start(int port, Path file) {
        MongoServer server;
        if (file == null) {
            server = new MongoServer(new IndexedMemoryBackend(ScanPolicy.warn()));
        } else {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = new MongoServer(IndexedH2Backend.open(file.toString(), ScanPolicy.warn()));
        }
        server.bind("127.0.0.1", port);
        return new DocumentStore(server, server.getLocalAddress().getPort());
    }

    /** The connection string for one service's database. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        ttl.close();
        // shutdown() closes the backend, which commits and closes the H2 file
        server.shutdown();
    }
}
