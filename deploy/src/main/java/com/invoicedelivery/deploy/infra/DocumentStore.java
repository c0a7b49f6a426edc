package com.invoicedelivery.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.invoicedelivery.store.IndexedH2Backend;
import com.invoicedelivery.store.IndexedMemoryBackend;
import com.invoicedelivery.store.ScanPolicy;

import de.bwaldvogel.mongo.MongoServer;

/**
 * An embedded server that speaks the MongoDB wire protocol (mongo-java-server). With a file the data survives
 * a restart (H2 MVStore backend); without one it lives in memory. Each service uses its own database in it.
 * Both backends keep the services' secondary indexes and serve queries with them (module embedded-store); a query
 * no index serves still runs, and its shape is logged once as a warning (tests run the same store strict).
 */
public final class DocumentStore implements AutoCloseable {

    private final MongoServer server;
    private final int port;

    private DocumentStore(MongoServer server, int port) {
        this.server = server;
        this.port = port;
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
        // shutdown() closes the backend, which commits and closes the H2 file
        server.shutdown();
    }
}
