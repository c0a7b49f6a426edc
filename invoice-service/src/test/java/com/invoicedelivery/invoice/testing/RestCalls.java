package com.invoicedelivery.invoice.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API as the web UI calls it: JSON over HTTP with one caller's bearer token. */
public final class RestCalls {

    /** Amounts are read as written (201.00 stays 201.00), never through a double. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    public RestCalls(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** One answer: status, headers and the JSON body (null when empty). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {

        /** The body, when the status is the expected one; otherwise a failure that shows the body. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + " from " + raw.request().method() + " "
                        + raw.request().uri() + " but got " + status + ": " + raw.body());
            }
            return body;
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The field the problem's first error names. */
        public String firstErrorField() {
            return body.get("errors").get(0).get("field").asString();
        }
    }

    public RestCalls as(String otherToken) {
        return new RestCalls(baseUrl, otherToken);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(json(request(path), body, "POST"));
    }

    /** A POST with one more request header, e.g. an {@code Idempotency-Key}. */
    public Response postWithHeader(String path, Object body, String header, String value) {
        return send(json(request(path), body, "POST").header(header, value));
    }

    /** Any method with a body sent exactly as given, as a JSON request; the answer's body is not parsed. */
    public Response raw(String method, String path, String body) {
        HttpResponse<String> response = exchange(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        return new Response(response.statusCode(), null, response);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** A POST without a body and without a Content-Type, as {@code curl -X POST} sends it. */
    public Response postEmpty(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String path, Object body) {
        return send(json(request(path), body, "PUT"));
    }

    private static HttpRequest.Builder json(HttpRequest.Builder builder, Object body, String method) {
        String text = body instanceof String raw ? raw : JSON.writeValueAsString(body);
        return builder.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Response send(HttpRequest.Builder builder) {
        HttpResponse<String> response = exchange(builder);
        JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Response(response.statusCode(), body, response);
    }

    private static HttpResponse<String> exchange(HttpRequest.Builder builder) {
        try {
            return HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
