package com.invoicedelivery.deploy.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for a service's REST API, with a bearer token, as the web UI would call it. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /**
     * Sees every answer any client gets: the end-to-end tests check each against the services' OpenAPI documents
     * (and fail on a mismatch); the launcher sets none.
     */
    @FunctionalInterface
    public interface AnswerCheck {
        /** @param body the body as text, or null when it is not read as text (a document, a message source) */
        void check(String method, URI uri, int status, String contentType, String body);
    }

    private static volatile AnswerCheck answerCheck = (method, uri, status, contentType, body) -> { };

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String bearerToken;

    public ApiClient(String baseUrl, String bearerToken) {
        this.baseUrl = baseUrl;
        this.bearerToken = bearerToken;
    }

    /** The answer to one call: status and JSON body (null when the body is empty). */
    public record Response(int status, JsonNode body, HttpResponse<String> raw) {

        /** The body, if the status is the expected one; otherwise a failure that shows the problem body. */
        public JsonNode expect(int expectedStatus) {
            if (status != expectedStatus) {
                throw new IllegalStateException("expected HTTP " + expectedStatus + " from "
                        + raw.request().method() + " " + raw.request().uri() + " but got " + status + ": " + raw.body());
            }
            return body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The body as bytes, for answers that are not JSON (documents, message sources); fails on any status but 200. */
    public byte[] getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            checked(response, null);
            if (response.statusCode() != 200) {
                throw new IllegalStateException("expected HTTP 200 from GET " + path + " but got " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Every answer from now on goes through this check too (one for the whole JVM). */
    public static void checkAnswersWith(AnswerCheck check) {
        answerCheck = check;
    }

    public String bearerToken() {
        return bearerToken;
    }

    public ApiClient withToken(String token) {
        return new ApiClient(baseUrl, token);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT);
        if (bearerToken != null) {
            builder.header("Authorization", "Bearer " + bearerToken);
        }
        return builder;
    }

    private static void checked(HttpResponse<?> response, String body) {
        answerCheck.check(response.request().method(), response.request().uri(), response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), body);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            checked(response, response.body());
            JsonNode body = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Response(response.statusCode(), body, response);
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
