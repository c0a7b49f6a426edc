package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Checks a Kafka record against the committed event contract, docs/api/asyncapi.yaml: the record's topic is a channel,
 * its headers match the message's header schema ({@code ce_type} naming the channel's event, and so on), its key is
 * the payload field the message names ({@code x-record-key}), and its value validates against the message's JSON
 * Schema (docs/api/schemas, draft-07, networknt's validator). What it finds is a list of readable violations, empty
 * when the record is as documented.
 */
public final class EventContractCheck {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path documentFile;
    private final JsonNode document;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Schema> payloadSchemas = new HashMap<>();
    private final Map<String, Schema> headerSchemas = new HashMap<>();

    public EventContractCheck(Path documentFile) {
        this.documentFile = documentFile;
        try {
            this.document = YAML.readTree(Files.readString(documentFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static volatile EventContractCheck committed;

    /** The contract committed in this checkout. */
    public static EventContractCheck committed() {
        if (committed == null) {
            committed = new EventContractCheck(NodeTool.repositoryRoot().resolve("docs/api/asyncapi.yaml"));
        }
        return committed;
    }

    /**
     * {@code record}, once it is shown to be as the committed contract says (else the test fails, naming what is
     * not): for a service's tests to check what it published where they read it anyway,
     * {@code documented(probe.await(...))}.
     */
    public static ConsumerRecord<String, String> documented(ConsumerRecord<String, String> record) {
        List<String> violations = committed().violations(record);
        if (!violations.isEmpty()) {
            throw new AssertionError("a record on " + record.topic() + " is not as docs/api/asyncapi.yaml says: "
                    + violations + "\n" + record.value());
        }
        return record;
    }

    /** The one message the channel with this address carries, or null when no channel has it. */
    public JsonNode messageOf(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (channel.path("address").asString().equals(topic)) {
                JsonNode messages = channel.path("messages");
                if (messages.size() != 1) {
                    throw new IllegalStateException(topic + " carries " + messages.size() + " messages");
                }
                return resolve(messages.iterator().next().path("$ref").asString());
            }
        }
        return null;
    }

    /** What in {@code record} is not as the contract says; empty when nothing. */
    public List<String> violations(ConsumerRecord<String, String> record) {
        List<String> violations = new ArrayList<>();
        JsonNode message = messageOf(record.topic());
        if (message == null) {
            return List.of(record.topic() + " is no channel of docs/api/asyncapi.yaml");
        }
        String name = message.path("name").asString();
        ObjectNode headers = JSON.createObjectNode();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null
                    : new String(header.value(), StandardCharsets.UTF_8));
        }
        headerSchemas.computeIfAbsent(name, key -> registry.getSchema(message.path("headers")))
                .validate(headers).forEach(error -> violations.add(name + " headers: " + describe(error)));

        JsonNode payload;
        try {
            payload = JSON.readTree(record.value());
        } catch (RuntimeException notJson) {
            violations.add(name + " value is no JSON: " + notJson.getMessage());
            return violations;
        }
        if (!message.has("x-record-key")) {
            return violations; // a dead letter or a replay: its value is whatever failed, as it was
        }
        payloadSchemas.computeIfAbsent(name, key -> payloadSchema(message))
                .validate(payload).forEach(error -> violations.add(name + " value: " + describe(error)));

        String keyPointer = message.path("x-record-key").asString();
        JsonNode keyField = payload.at(keyPointer);
        if (record.key() == null || !keyField.isString() || !keyField.asString().equals(record.key())) {
            violations.add(name + " key " + record.key() + " is not the value's " + keyPointer + " ("
                    + keyField + ")");
        }
        return violations;
    }

    private Schema payloadSchema(JsonNode message) {
        JsonNode payload = message.path("payload");
        String reference = payload.path("schema").path("$ref").asString();
        if (reference.isEmpty()) {
            throw new IllegalStateException(message.path("name").asString() + " names no payload schema file");
        }
        Path file = documentFile.resolveSibling(reference).normalize();
        try {
            return registry.getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode resolve(String reference) {
        if (!reference.startsWith("#/")) {
            throw new IllegalArgumentException("not a local reference: " + reference);
        }
        return document.at(reference.substring(1));
    }

    private static String describe(Error error) {
        return error.getInstanceLocation() + " " + error.getMessage();
    }
}
