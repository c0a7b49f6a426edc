package com.invoicedelivery.kit.testing;

import java.util.Collections;
import java.util.Map;

import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.SchemaVersions;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The two records every consumer of an internal event is fed in its tests (docs/ARCHITECTURE.md, "Event
 * evolution"): one as a producer of a newer minor version writes it (fields this release does not know, at the top
 * and in each nested object), which the consumer must handle as the record without them; and one of a major version
 * this release does not read, which must go to the dead-letter topic with {@link #refusedMajorReason}.
 */
public final class EventEvolution {

    /** The name of the fields a newer minor version adds. */
    public static final String ADDED_FIELD = "addedInANewerMinorVersion";
    /** Decimals stay as written (100.00 is not 100.0): the records carry money. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private EventEvolution() {
    }

    /** {@code eventJson} with a field this release does not know at the top and in every nested object. */
    public static String withNewerMinorFields(String eventJson) {
        ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
        for (Map.Entry<String, JsonNode> field : event.properties()) {
            if (field.getValue() instanceof ObjectNode nested) {
                nested.put(ADDED_FIELD, "ignored by older consumers");
            }
        }
        event.putObject(ADDED_FIELD).put("nested", 1);
        return JSON.writeValueAsString(event);
    }

    /** {@code eventJson} as the next major version of {@code type}, which this release does not read. */
    public static String asUnknownMajorVersion(String eventJson, Class<? extends IntegrationEvent> type) {
        ObjectNode event = (ObjectNode) JSON.readTree(eventJson);
        event.put("schemaVersion", unknownMajor(type));
        return JSON.writeValueAsString(event);
    }

    public static int unknownMajor(Class<? extends IntegrationEvent> type) {
        return Collections.max(SchemaVersions.readable(type)) + 1;
    }

    /** The start of the dead-letter reason of a record of {@code type} of an unknown major version. */
    public static String refusedMajorReason(Class<? extends IntegrationEvent> type) {
        return "schema version " + unknownMajor(type) + " of " + type.getSimpleName() + " is not one this release reads";
    }
}
