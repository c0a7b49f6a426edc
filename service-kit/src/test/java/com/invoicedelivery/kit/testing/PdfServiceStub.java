package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for pdf-service's {@code GET /internal/documents/{id}}: serves the bytes a test put there, or the error
 * status it chose, and remembers the Authorization and Accept headers it got.
 */
public final class PdfServiceStub {

    private static final String PATH = "/internal/documents/";

    private final HttpServer server;
    private final Map<String, byte[]> documents = new ConcurrentHashMap<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();

    private PdfServiceStub(HttpServer server) {
        this.server = server;
        server.createContext(PATH, this::serve);
        server.start();
    }

    public static PdfServiceStub start() {
        try {
            PdfServiceStub stub = new PdfServiceStub(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stub.server.stop(0), "pdf-service-stub-stop"));
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void put(String documentId, byte[] content) {
        documents.put(documentId, content);
    }

    /** Answers requests for the document with this status and no body. */
    public void failWith(String documentId, int status) {
        failures.put(documentId, status);
    }

    /** The Authorization headers of the requests served so far. */
    public List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    /** The Accept headers of the requests served so far. */
    public List<String> accepts() {
        return List.copyOf(accepts);
    }

    private void serve(HttpExchange exchange) throws IOException {
        authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        String documentId = exchange.getRequestURI().getPath().substring(PATH.length());
        byte[] content = documents.get(documentId);
        Integer failure = failures.get(documentId);
        if (failure != null || content == null) {
            exchange.sendResponseHeaders(failure != null ? failure : 404, -1);
        } else {
            exchange.getResponseHeaders().add("Content-Type", "application/pdf");
            exchange.sendResponseHeaders(200, content.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(content);
            }
        }
        exchange.close();
    }
}
