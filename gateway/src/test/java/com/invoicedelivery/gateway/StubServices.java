package com.invoicedelivery.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The four services as the gateway sees them, one small HTTP server each on 127.0.0.1: {@code /v3/api-docs} answers a
 * document in the shape springdoc writes; any other path answers what it received (method, path, query, headers) when
 * a bearer token came, and the services' own 401 problem when none did.
 */
final class StubServices implements AutoCloseable {

    static final List<String> NAMES = List.of("invoice", "pdf", "mail-dispatch", "tracking");
    static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request a stub received. */
    record Received(String service, String method, String path, Map<String, List<String>> headers, int bodyLength) {
    }

    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    final List<Received> received = new CopyOnWriteArrayList<>();

    static StubServices start() {
        StubServices stubs = new StubServices();
        for (String name : NAMES) {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                server.createContext("/", exchange -> stubs.answer(name, exchange));
                server.setExecutor(Executors.newFixedThreadPool(2));
                server.start();
                stubs.servers.put(name, server);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stubs;
    }

    String url(String service) {
        return "http://127.0.0.1:" + servers.get(service).getAddress().getPort();
    }

    List<Received> receivedBy(String service) {
        return received.stream().filter(request -> request.service().equals(service)).toList();
    }

    private void answer(String service, HttpExchange exchange) throws IOException {
        try (exchange) {
            int bodyLength = exchange.getRequestBody().readAllBytes().length;
            String path = exchange.getRequestURI().getRawPath();
            if (path.equals("/v3/api-docs")) {
                respond(exchange, 200, "application/json", document(service));
                return;
            }
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), List.copyOf(values)));
            received.add(new Received(service, exchange.getRequestMethod(), path, headers, bodyLength));
            if (!headers.containsKey("authorization")) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                respond(exchange, 401, "application/problem+json", """
                        {"type":"https://invoicedelivery.com/problems/unauthorized","title":"Unauthorized","status":401,\
                        "detail":"A bearer token from the identity provider is required.","service":"%s"}""".formatted(service));
                return;
            }
            ObjectNode echo = JSON.createObjectNode().put("service", service).put("method", exchange.getRequestMethod())
                    .put("path", path).put("query", exchange.getRequestURI().getRawQuery());
            respond(exchange, 200, "application/json", JSON.writeValueAsString(echo));
        }
    }

    /**
     * Each service's document: its own paths, the kit's dead-letter paths every service shares, a schema all share
     * unchanged (Problem) and one two of them define differently (View); pdf-service has an internal path.
     */
    static String document(String service) {
        String own = switch (service) {
            case "invoice" -> "/api/invoices/{invoiceId}";
            case "pdf" -> "/internal/documents/{documentId}";
            case "mail-dispatch" -> "/api/emails/{id}";
            default -> "/api/client-page/logo";
        };
        String view = service.equals("invoice") ? "{\"type\":\"object\",\"properties\":{\"invoiceNumber\":{\"type\":\"string\"}}}"
                : "{\"type\":\"object\",\"properties\":{\"status\":{\"type\":\"string\"}}}";
        return """
                {"openapi":"3.1.0","info":{"title":"%1$s","version":"v1"},
                 "servers":[{"url":"http://%1$s.internal:8080"}],
                 "tags":[{"name":"%1$s"},{"name":"operations"}],
                 "security":[{"bearer":[]}],
                 "paths":{
                   "%2$s":{"get":{"operationId":"read","responses":{"200":{"description":"ok",
                     "content":{"application/json":{"schema":{"$ref":"#/components/schemas/View"}}}},
                     "401":{"description":"no token","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
                   "/api/operations/dead-letters":{"get":{"operationId":"deadLetters","responses":{"200":{"description":"ok"}}}},
                   "/api/operations/dead-letters/{binding}/replay":{"post":{"operationId":"replay","parameters":[
                     {"name":"binding","in":"path","required":true,"schema":{"type":"string"}}],"responses":{"200":{"description":"ok"}}}}
                 },
                 "components":{"schemas":{"View":%3$s,"Problem":{"type":"object","properties":{"title":{"type":"string"}}}},
                   "securitySchemes":{"bearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
                """.formatted(service, own, view);
    }

    private static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        servers.values().forEach(server -> server.stop(0));
    }
}
