package com.invoicedelivery.gateway.apidocs;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import com.invoicedelivery.gateway.config.GatewayProperties;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' OpenAPI documents as the gateway publishes them: each one read from the service
 * ({@code /v3/api-docs}), its paths the public ones ({@link PublicPaths}), its server the gateway; and the four merged
 * into one, which the TypeScript client is generated from (README, "A typed client"). Read on every call, never
 * cached: a service redeployed with a changed API shows the change at once.
 */
public class ApiDocuments {

    static final String SCHEMA_REF = "#/components/schemas/";
    private static final List<String> HTTP_METHODS = List.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");

    private final GatewayProperties gateway;
    private final JsonMapper json;
    private final RestClient http;

    public ApiDocuments(GatewayProperties gateway, JsonMapper json) {
        this.gateway = gateway;
        this.json = json;
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(gateway.documentsTimeout());
        requests.setReadTimeout(gateway.documentsTimeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    public boolean knows(String service) {
        return gateway.services().containsKey(service);
    }

    /** The services in a fixed order (by name): the combined document is the same from one call to the next. */
    public List<String> services() {
        return new ArrayList<>(new TreeMap<>(gateway.services()).keySet());
    }

    /** One service's document as the gateway publishes it. */
    public ObjectNode service(String service) {
        return publish(service, read(service));
    }

    /** All services' documents in one. */
    public ObjectNode combined() {
        Map<String, ObjectNode> documents = new LinkedHashMap<>();
        for (String service : services()) {
            documents.put(service, service(service));
        }
        return merge(documents);
    }

    private ObjectNode read(String service) {
        URI url = URI.create(gateway.services().get(service).toString().replaceAll("/+$", "") + "/v3/api-docs");
        String body = http.get().uri(url).retrieve().body(String.class);
        return (ObjectNode) json.readTree(body);
    }

    /** The public paths only, renamed where they collide, with the gateway as the one server. */
    ObjectNode publish(String service, ObjectNode document) {
        ObjectNode published = document.deepCopy();
        ObjectNode paths = published.putObject("paths");
        document.path("paths").properties().forEach(path -> PublicPaths.of(service, path.getKey(),
                gateway.exposeOperations()).ifPresent(publicPath -> paths.set(publicPath, path.getValue())));
        ArrayNode servers = published.putArray("servers");
        servers.addObject().put("url", "/").put("description", "the gateway");
        return published;
    }

    /**
     * Paths, schemas, security schemes and tags of every document in one. Two services' schemas of the same name and
     * the same content are one schema; of the same name and different content each keeps its own, renamed
     * {@code <service>.<name>} with its references. Operation ids that two services share get the service's name.
     * Two services publishing the same path is a mistake in the route table and fails.
     */
    ObjectNode merge(Map<String, ObjectNode> documents) {
        Map<String, JsonNode> firstSchema = new HashMap<>();
        Set<String> differing = new HashSet<>();
        Map<String, Integer> operationIds = new HashMap<>();
        documents.values().forEach(document -> {
            document.path("components").path("schemas").properties().forEach(schema -> {
                JsonNode seen = firstSchema.putIfAbsent(schema.getKey(), schema.getValue());
                if (seen != null && !seen.equals(schema.getValue())) {
                    differing.add(schema.getKey());
                }
            });
            operations(document).forEach(operation -> operationIds.merge(operation.path("operationId").asString(""),
                    1, Integer::sum));
        });

        ObjectNode combined = json.createObjectNode();
        JsonNode first = documents.values().iterator().next();
        combined.put("openapi", first.path("openapi").asString("3.1.0"));
        combined.putObject("info").put("title", "Invoice delivery platform API")
                .put("description", "Every service's API as the gateway publishes it: " + String.join(", ",
                        documents.keySet()) + ". Generated from the services' own documents.")
                .put("version", first.path("info").path("version").asString("1"));
        combined.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
        ObjectNode paths = combined.putObject("paths");
        ObjectNode schemas = json.createObjectNode();
        ObjectNode securitySchemes = json.createObjectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Map<String, String> pathOwner = new HashMap<>();
        List<JsonNode> security = new ArrayList<>();

        documents.forEach((service, original) -> {
            Map<String, String> renamed = new HashMap<>();
            original.path("components").path("schemas").properties().forEach(schema -> {
                if (differing.contains(schema.getKey())) {
                    renamed.put(schema.getKey(), service + "." + schema.getKey());
                }
            });
            ObjectNode document = (ObjectNode) renameReferences(original.deepCopy(), renamed);
            document.path("components").path("schemas").properties().forEach(schema ->
                    schemas.set(schema.getKey(), schema.getValue()));
            document.path("components").path("securitySchemes").properties().forEach(scheme ->
                    securitySchemes.set(scheme.getKey(), scheme.getValue()));
            document.path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asString(), tag));
            document.path("security").forEach(requirement -> {
                if (!security.contains(requirement)) {
                    security.add(requirement);
                }
            });
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                String owner = pathOwner.putIfAbsent(path.getKey(), service);
                if (owner != null) {
                    throw new IllegalStateException(path.getKey() + " is published by both " + owner + " and "
                            + service + ": give one of them its own public path (PublicPaths, the routes)");
                }
                ObjectNode item = (ObjectNode) path.getValue();
                operations(item).forEach(operation -> {
                    String id = operation.path("operationId").asString("");
                    if (!id.isEmpty() && operationIds.getOrDefault(id, 0) > 1) {
                        ((ObjectNode) operation).put("operationId", camel(service) + Character.toUpperCase(id.charAt(0))
                                + id.substring(1));
                    }
                });
                paths.set(path.getKey(), item);
            }
        });
        ObjectNode components = combined.putObject("components");
        components.set("schemas", sorted(schemas));
        if (!securitySchemes.isEmpty()) {
            components.set("securitySchemes", sorted(securitySchemes));
        }
        if (!security.isEmpty()) {
            combined.putArray("security").addAll(security);
        }
        if (!tags.isEmpty()) {
            combined.putArray("tags").addAll(tags.values());
        }
        return combined;
    }

    private static List<JsonNode> operations(JsonNode pathsOrItem) {
        List<JsonNode> operations = new ArrayList<>();
        JsonNode paths = pathsOrItem.has("paths") ? pathsOrItem.path("paths") : null;
        if (paths != null) {
            paths.forEach(item -> operations.addAll(operations(item)));
            return operations;
        }
        for (String method : HTTP_METHODS) {
            Optional.ofNullable(pathsOrItem.get(method)).ifPresent(operations::add);
        }
        return operations;
    }

    /** Every {@code $ref} to a renamed schema, and the schema's own key, under its new name. */
    private JsonNode renameReferences(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            ObjectNode copy = json.createObjectNode();
            object.properties().forEach(field -> {
                JsonNode value = renameReferences(field.getValue(), renamed);
                if (field.getKey().equals("$ref") && value.isString()
                        && value.asString().startsWith(SCHEMA_REF)) {
                    String name = value.asString().substring(SCHEMA_REF.length());
                    copy.put("$ref", SCHEMA_REF + renamed.getOrDefault(name, name));
                } else {
                    copy.set(field.getKey(), value);
                }
            });
            JsonNode schemas = copy.path("components").path("schemas");
            if (schemas.isObject()) {
                ObjectNode renamedSchemas = json.createObjectNode();
                schemas.properties().forEach(schema ->
                        renamedSchemas.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue()));
                ((ObjectNode) copy.get("components")).set("schemas", renamedSchemas);
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(element -> copy.add(renameReferences(element, renamed)));
            return copy;
        }
        return node;
    }

    private ObjectNode sorted(ObjectNode node) {
        ObjectNode sorted = json.createObjectNode();
        new TreeMap<>(node.propertyStream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                Map.Entry::getValue))).forEach(sorted::set);
        return sorted;
    }

    /** mail-dispatch → mailDispatch, for an operation id. */
    private static String camel(String service) {
        StringBuilder id = new StringBuilder();
        boolean upper = false;
        for (char c : service.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                id.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return id.toString();
    }
}
