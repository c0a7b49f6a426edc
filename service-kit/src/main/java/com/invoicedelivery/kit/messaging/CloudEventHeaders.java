package com.invoicedelivery.kit.messaging;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.util.MimeTypeUtils;

/**
 * Kafka records in the CloudEvents Kafka protocol binding, binary content mode: the JSON event is the
 * value, and {@code ce_*} headers say what it is, so any Kafka tool shows a record's id, type, source,
 * time and tenant without parsing it.
 */
public final class CloudEventHeaders {

    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String SOURCE = "ce_source";
    public static final String TYPE = "ce_type";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String DATA_SCHEMA_VERSION = "ce_dataschemaversion";
    /** Extension attribute: the tenant the event belongs to. */
    public static final String TENANT = "ce_tenantid";
    public static final String CONTENT_TYPE = "content-type";

    /** Event types are namespaced: {@code com.invoicedelivery.InvoiceSendRequested}. */
    public static final String TYPE_PREFIX = "com.invoicedelivery.";

    private CloudEventHeaders() {
    }

    /** The Kafka message for an outbox entry, keyed by the entry's key. */
    public static Message<byte[]> message(OutboxEntry entry, String source) {
        return MessageBuilder.withPayload(entry.payload().getBytes(StandardCharsets.UTF_8))
                .setHeader(KafkaHeaders.KEY, entry.key())
                .setHeader("contentType", MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(CONTENT_TYPE, MimeTypeUtils.APPLICATION_JSON_VALUE)
                .setHeader(SPEC_VERSION, "1.0")
                .setHeader(ID, entry.eventId())
                .setHeader(SOURCE, source)
                .setHeader(TYPE, TYPE_PREFIX + entry.type())
                .setHeader(TIME, DateTimeFormatter.ISO_INSTANT.format(entry.occurredAt()))
                .setHeader(SUBJECT, entry.key())
                .setHeader(DATA_SCHEMA_VERSION, String.valueOf(entry.schemaVersion()))
                .setHeader(TENANT, entry.tenantId())
                .build();
    }
}
