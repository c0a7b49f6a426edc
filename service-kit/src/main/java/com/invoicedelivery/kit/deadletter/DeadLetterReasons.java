package com.invoicedelivery.kit.deadletter;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.Header;

/**
 * Keeps a dead letter's reason ({@code x-exception-message}) to the cause an operator can act on. The binder
 * writes the message of the exception it caught, which wraps the consumer's own in Spring's
 * {@code error occurred in message handler [<handler object>]; }: noise, and a different object name each run.
 * It runs in the producer of every binding's dead letters (service-kit-defaults.properties,
 * {@code dlq-producer-properties.configuration.interceptor.classes}): the binder offers no other hook on its
 * dead-letter headers.
 */
public class DeadLetterReasons implements ProducerInterceptor<Object, Object> {

    static final String EXCEPTION_MESSAGE = "x-exception-message";
    private static final Pattern HANDLER_WRAPPING = Pattern.compile("^(?:error occurred in message handler \\[[^\\]]*\\];?\\s*)+");

    /** The reason without the wrapping of the message handler; as it was when nothing else is left. */
    static String reason(String message) {
        if (message == null) {
            return null;
        }
        String stripped = HANDLER_WRAPPING.matcher(message).replaceFirst("");
        return stripped.isBlank() ? message : stripped;
    }

    @Override
    public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
        Header header = record.headers().lastHeader(EXCEPTION_MESSAGE);
        if (header == null || header.value() == null) {
            return record;
        }
        String message = new String(header.value(), StandardCharsets.UTF_8);
        String reason = reason(message);
        if (!reason.equals(message)) {
            record.headers().remove(EXCEPTION_MESSAGE);
            record.headers().add(EXCEPTION_MESSAGE, reason.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    @Override
    public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
