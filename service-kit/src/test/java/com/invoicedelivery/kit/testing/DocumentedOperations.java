package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations a running service's OpenAPI document ({@code /v3/api-docs}) describes, each with a request that
 * reaches it: the access tables are checked against what the service says it offers, not against a list kept by
 * hand beside the code.
 */
final class DocumentedOperations {

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

    /**
     * @param key         {@code "METHOD /path/{template}"}, as the document writes the path
     * @param examplePath the path with each variable and required query parameter filled in
     */
    record Operation(String method, String key, String examplePath, boolean takesBody) {
    }

    private DocumentedOperations() {
    }

    static List<Operation> read(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("/v3/api-docs answered " + response.statusCode());
        }
        JsonNode paths = JsonMapper.builder().build().readTree(response.body()).path("paths");
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            JsonNode item = path.getValue();
            for (String method : METHODS) {
                JsonNode operation = item.get(method);
                if (operation != null) {
                    operations.add(operation(method.toUpperCase(Locale.ROOT), path.getKey(), item, operation));
                }
            }
        }
        return operations;
    }

    private static Operation operation(String method, String template, JsonNode item, JsonNode operation) {
        String path = template;
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        List<JsonNode> parameters = new ArrayList<>();
        item.path("parameters").forEach(parameters::add);
        operation.path("parameters").forEach(parameters::add);
        for (JsonNode parameter : parameters) {
            String name = parameter.path("name").asString();
            String value = URLEncoder.encode(exampleValue(name, parameter.path("schema")), StandardCharsets.UTF_8);
            switch (parameter.path("in").asString()) {
                case "path" -> path = path.replace("{" + name + "}", value);
                case "query" -> {
                    if (parameter.path("required").asBoolean(false)) {
                        query.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "=" + value);
                    }
                }
                default -> {
                    // headers and cookies: the access rules do not depend on them
                }
            }
        }
        return new Operation(method, method + " " + template, path + query, operation.has("requestBody"));
    }

    /** A value that names nothing stored, or an enumeration's first value (a path that only takes those). */
    private static String exampleValue(String name, JsonNode schema) {
        JsonNode choices = schema.path("enum");
        if (choices.isArray() && !choices.isEmpty()) {
            return choices.get(0).asString();
        }
        return switch (schema.path("type").asString()) {
            case "integer", "number" -> "1";
            case "boolean" -> "true";
            default -> "no-such-" + name;
        };
    }
}
