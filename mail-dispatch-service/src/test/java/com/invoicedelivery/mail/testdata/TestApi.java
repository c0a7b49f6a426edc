package com.invoicedelivery.mail.testdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The service's REST API over real HTTP, as a client with a bearer token sees it. */
public final class TestApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final JsonMapper json;

    public TestApi(int port, JsonMapper json) {
        this.port = port;
        this.json = json;
    }

    /** @param token null for a call without one */
    public HttpResponse<byte[]> get(String path, String token) {
        return send(request(path, token).GET());
    }

    public HttpResponse<byte[]> put(String path, String token, Object body) {
        return send(request(path, token).PUT(jsonBody(body)));
    }

    public HttpResponse<byte[]> post(String path, String token, Object body) {
        return send(request(path, token).POST(jsonBody(body)));
    }

    public HttpResponse<byte[]> delete(String path, String token) {
        return send(request(path, token).DELETE());
    }

    /** The body of a 200 answer. */
    public JsonNode getJson(String path, String token) {
        return ok(get(path, token), path);
    }

    /** The body of an answer that must be 200. */
    public JsonNode ok(HttpResponse<byte[]> response, String what) {
        assertThat(response.statusCode()).as(what + ": " + text(response)).isEqualTo(200);
        return json(response);
    }

    public JsonNode json(HttpResponse<byte[]> response) {
        return json.readTree(response.body());
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.BodyPublisher jsonBody(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String text ? text : json.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
