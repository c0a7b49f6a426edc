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

    private final Path file;
    private final int port;
    // null while stopped (the fault suite's scenario 6); the TTL monitor's sweeps fail meanwhile and are tried again
    private MongoServer server;
    private final TtlMonitor ttl;

    private DocumentStore(MongoServer server, int port, Path file) {
        this.server = server;
        this.port = port;
        this.file = file;
        this.ttl = TtlMonitor.start("mongodb://127.0.0.1:" + port, Clock.systemUTC(), TTL_INTERVAL);
    }

    /** @param file the H2 file to keep the data in, or null to keep it in memory */
    public static DocumentStore start(int port, Path file) {
        MongoServer server = open(file);
        server.bind("127.0.0.1", port);
        return new DocumentStore(server, server.getLocalAddress().getPort(), file);
    }

    private static MongoServer open(Path file) {
        if (file == null) {
            return new MongoServer(new IndexedMemoryBackend(ScanPolicy.warn()));
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MongoServer(IndexedH2Backend.open(file.toString(), ScanPolicy.warn()));
    }

    /**
     * Stops the store as a crash of its host would for its clients (connections closed, port closed), its data
     * committed to the file; {@link #restart()} brings it back on the same port and file. Only with a file: in
     * memory the data would be gone.
     */
    public synchronized void stop() {
        if (file == null) {
            throw new IllegalStateException("the store keeps its data in memory: stopped, it would lose it");
        }
        if (server != null) {
            server.shutdownNow();
            server = null;
        }
    }

    /** Starts the stopped store again on the same port, from the same file. */
    public synchronized void restart() {
        if (server != null) {
            throw new IllegalStateException("the store is running");
        }
        MongoServer restarted = open(file);
        restarted.bind("127.0.0.1", port);
        server = restarted;
    }

    /** The connection string for one service's database. */
    public String uri(String database) {
        return "mongodb://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public synchronized void close() {
        ttl.close();
        // shutdown() closes the backend, which commits and closes the H2 file
        if (server != null) {
            server.shutdown();
            server = null;
        }
    }
}
