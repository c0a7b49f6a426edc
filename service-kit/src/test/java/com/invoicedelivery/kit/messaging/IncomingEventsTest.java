package com.invoicedelivery.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.SchemaVersions;
import com.invoicedelivery.kit.config.StrictJson;
import org.junit.jupiter.api.Test;
import org.springframework.messaging.support.MessageBuilder;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The event-evolution policy as every consumer of an internal event reads its records. */
class IncomingEventsTest {

    private static final String FAILED = """
            {"eventId":"e1","occurredAt":"2026-12-01T10:00:00Z","tenantId":"acme","schemaVersion":%s,
             "sendId":"s1","invoiceId":"i1","reason":"no lines"%s}""";

    /** The services' own mapper: strict about unknown fields, as on the API. */
    private final JsonMapper serviceJson = strictServiceMapper();
    private final IncomingEvents events = new IncomingEvents(serviceJson);

    @Test
    void aFieldOfANewerMinorVersionIsIgnored() {
        InvoiceRenderFailed read = events.read(InvoiceRenderFailed.class,
                bytes(FAILED.formatted(1, ",\"retryable\":true,\"detail\":{\"code\":7}")));

        assertThat(read.sendId()).isEqualTo("s1");
        assertThat(read.reason()).isEqualTo("no lines");
    }

    @Test
    void aMajorVersionThisReleaseDoesNotReadIsRefusedNamingIt() {
        MalformedRecordException refused = catchThrowableOfType(MalformedRecordException.class,
                () -> events.read(InvoiceRenderFailed.class, bytes(FAILED.formatted(2, ""))));

        assertThat(refused).hasMessage("schema version 2 of InvoiceRenderFailed is not one this release reads [1]");
    }

    @Test
    void aRecordWithoutAVersionOrNotJsonOrWithAWrongTypeIsRefusedWithTheReason() {
        assertThat(catchThrowableOfType(MalformedRecordException.class, () -> events.read(InvoiceRenderFailed.class,
                bytes("{\"eventId\":\"e1\"}")))).hasMessageContaining("schema version (none)");
        assertThat(catchThrowableOfType(MalformedRecordException.class, () -> events.read(InvoiceRenderFailed.class,
                bytes("{\"eventId\": oops")))).hasMessageStartingWith("the record is not valid JSON");
        assertThat(catchThrowableOfType(MalformedRecordException.class, () -> events.read(InvoiceRenderFailed.class,
                bytes(FAILED.formatted(1, ",\"sendId\":[1]").replace("\"sendId\":\"s1\",", "")))))
                .hasMessageStartingWith("the record is not a readable InvoiceRenderFailed").hasMessageContaining("sendId");
        assertThat(catchThrowableOfType(MalformedRecordException.class, () -> events.read(InvoiceRenderFailed.class,
                new byte[0]))).hasMessage("the record is not a JSON object");
    }

    @Test
    void theConsumerHandsTheReadEventOn() {
        List<InvoiceRenderFailed> handled = new ArrayList<>();
        events.consumer(InvoiceRenderFailed.class, handled::add)
                .accept(MessageBuilder.withPayload(bytes(FAILED.formatted(1, ""))).build());

        assertThat(handled).extracting(InvoiceRenderFailed::eventId).containsExactly("e1");
    }

    @Test
    void everyEventOfThePlatformHasItsReadableVersions() {
        assertThat(SchemaVersions.eventTypes()).hasSize(9)
                .allSatisfy(type -> assertThat(SchemaVersions.readable(type)).isNotEmpty());
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonMapper strictServiceMapper() {
        JsonMapper.Builder builder = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        StrictJson.customizer().customize(builder);
        return builder.build();
    }
}
