package com.invoicedelivery.deploy.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation a service publishes in its OpenAPI document ({@code /v3/api-docs}), so that the security tests
 * cover an endpoint the moment it is added, without anyone remembering to list it.
 */
final class ApiOperations {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    /** One operation: method and path template, and whether it takes a JSON body. */
    record Operation(String service, String baseUrl, String method, String path, boolean jsonBody,
                     List<String> queryParameters, JsonNode bodySchema) {

        List<String> pathParameters() {
            List<String> names = new ArrayList<>();
            Matcher matcher = PARAMETER.matcher(path);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            return names;
        }

        /** The path with each parameter replaced by {@code value(segmentBefore, parameterName)}. */
        String resolve(java.util.function.BiFunction<String, String, String> value) {
            StringBuilder resolved = new StringBuilder();
            String[] segments = path.split("/");
            for (int i = 1; i < segments.length; i++) {
                String segment = segments[i];
                Matcher matcher = PARAMETER.matcher(segment);
                resolved.append('/').append(matcher.matches() ? value.apply(segments[i - 1], matcher.group(1)) : segment);
            }
            return resolved.toString();
        }

        boolean isPublicClientPage() {
            return path.startsWith("/l/");
        }

        @Override
        public String toString() {
            return service + " " + method.toUpperCase() + " " + path;
        }
    }

    /** The answer to one call, body as text (problem bodies are JSON, documents are not). */
    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }
    }

    private ApiOperations() {
    }

    static List<Operation> of(String service, String baseUrl) {
        Answer docs = call("GET", baseUrl + "/v3/api-docs", null, null, null);
        if (docs.status() != 200) {
            throw new AssertionError(service + " publishes no OpenAPI document: HTTP " + docs.status());
        }
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : docs.json().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                if (METHODS.contains(method.getKey())) {
                    operations.add(operation(service, baseUrl, docs.json(), path.getKey(), method));
                }
            }
        }
        return operations;
    }

    private static Operation operation(String service, String baseUrl, JsonNode docs, String path,
                                       Map.Entry<String, JsonNode> method) {
        JsonNode definition = method.getValue();
        JsonNode body = definition.path("requestBody").path("content").path("application/json");
        List<String> query = new ArrayList<>();
        definition.path("parameters").forEach(parameter -> {
            if ("query".equals(parameter.path("in").asText())) {
                query.add(parameter.path("name").asText());
            }
        });
        JsonNode schema = body.isMissingNode() ? null : resolve(docs, body.path("schema"));
        return new Operation(service, baseUrl, method.getKey(), path, !body.isMissingNode(), query, schema);
    }

    /** Follows a {@code $ref} to its schema in {@code components}. */
    static JsonNode resolve(JsonNode docs, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return docs.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    static Answer call(String method, String url, String bearerToken, String contentType, String body) {
        return call(method, url, bearerToken, contentType, body, Map.of());
    }

    static Answer call(String method, String url, String bearerToken, String contentType, String body,
                       Map<String, String> headers) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .method(method, publisher);
        if (bearerToken != null) {
            request.header("Authorization", "Bearer " + bearerToken);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            DocumentedAnswers.check(method, response.uri(), response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(method + " " + url + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
