package com.invoicedelivery.kit.messaging;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.SchemaVersions;
import com.invoicedelivery.kit.observability.LogContext;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * How every consumer of an internal event reads its record, the one place the event-evolution policy is enforced
 * (docs/ARCHITECTURE.md, "Event evolution"): a field this release does not know is ignored (tolerant reader: a
 * producer deployed first may add optional fields within a major version), and a {@code schemaVersion} (the major
 * version) this release does not read is refused before anything else is read, as is a record that is no JSON or has
 * a value of the wrong type: all of them straight to the binding's dead-letter topic ({@link MalformedRecordException})
 * with the reason. Consumers take the raw record ({@code Consumer<Message<byte[]>>}) and hand it here, because Spring
 * Cloud Function's own conversion drops the reason of a record it cannot read.
 *
 * <p>While the handler runs, the event's tenant, send, recipient and event ids are in the logging context
 * ({@link LogContext}): every consumer's log lines carry them, and the trace id the Kafka observation put there.
 *
 * <p>External input (the import topic, the REST APIs) is not read here: it stays strict.
 */
public class IncomingEvents {

    static final String SCHEMA_VERSION = "schemaVersion";

    private final ObjectReader tolerant;

    public IncomingEvents(JsonMapper serviceJson) {
        // the service's own settings (strict duplicates, no number read as a text) except unknown fields
        this.tolerant = serviceJson.reader().without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A consumer of records of {@code type} that hands each one, read by the policy, to {@code handler}. */
    public <T extends IntegrationEvent> Consumer<Message<byte[]>> consumer(Class<T> type, Consumer<T> handler) {
        return message -> {
            T event = read(type, message.getPayload());
            try (LogContext ignored = EventLogContext.of(event)) {
                handler.accept(event);
            }
        };
    }

    /**
     * @throws MalformedRecordException when the record is no readable {@code type} or of a major version this
     *                                  release does not read
     */
    public <T extends IntegrationEvent> T read(Class<T> type, byte[] payload) {
        String name = type.getSimpleName();
        JsonNode tree;
        try {
            tree = payload == null || payload.length == 0 ? null : tolerant.readTree(payload);
        } catch (JacksonException notJson) {
            throw new MalformedRecordException("the record is not valid JSON: " + notJson.getOriginalMessage(), notJson);
        }
        if (tree == null || !tree.isObject()) {
            throw new MalformedRecordException("the record is not a JSON object");
        }
        JsonNode version = tree.get(SCHEMA_VERSION);
        Set<Integer> readable = SchemaVersions.readable(type);
        if (version == null || !version.isIntegralNumber() || !readable.contains(version.asInt())) {
            throw new MalformedRecordException("schema version " + (version == null ? "(none)" : version.toString())
                    + " of " + name + " is not one this release reads " + new TreeSet<>(readable));
        }
        try {
            // from the bytes, not the tree: a tree holds a decimal as a double, and 100.00 would become 100.0
            T event = tolerant.forType(type).readValue(payload);
            if (event == null) {
                throw new MalformedRecordException("the record is not a readable " + name);
            }
            return event;
        } catch (JacksonException unreadable) {
            throw new MalformedRecordException("the record is not a readable " + name + ": "
                    + unreadable.getOriginalMessage() + " (at " + path(unreadable) + ")", unreadable);
        }
    }

    private static String path(JacksonException error) {
        String path = error.getPathReference();
        return path == null || path.isBlank() ? "the root" : path;
    }
}
