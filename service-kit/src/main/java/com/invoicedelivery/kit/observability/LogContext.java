package com.invoicedelivery.kit.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.MDC;

/**
 * The ids a log line is about, in the logging context (MDC) while a piece of work runs: an HTTP request, a Kafka
 * record, a dispatch job. Every log line written meanwhile carries them, in the text pattern and as fields of the
 * structured (ECS) lines, so an operator finds all lines of one tenant, send or recipient without the lines naming
 * them. Only ids go here, never an e-mail address, a name or a token: log lines are kept longer and read by more
 * people than the data they are about.
 *
 * <p>Closing restores what was there before, so a nested context (a job run inside a consumer) leaves the outer
 * one as it found it.
 */
public final class LogContext implements AutoCloseable {

    public static final String TENANT = "tenantId";
    public static final String SEND = "sendId";
    public static final String RECIPIENT = "recipientId";
    public static final String EVENT = "eventId";
    public static final String EVENT_TYPE = "eventType";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** An empty context; add ids with {@link #with(String, String)}. */
    public static LogContext open() {
        return new LogContext();
    }

    /** The ids of one send (any may be null: it is then left out). */
    public static LogContext ofSend(String tenantId, String sendId, String recipientId) {
        return open().with(TENANT, tenantId).with(SEND, sendId).with(RECIPIENT, recipientId);
    }

    /** Puts {@code key} for as long as this context is open; a null or blank value leaves the key as it is. */
    public LogContext with(String key, String value) {
        if (value == null || value.isBlank()) {
            return this;
        }
        if (!previous.containsKey(key)) {
            previous.put(key, MDC.get(key));
        }
        MDC.put(key, value);
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
        previous.clear();
    }
}
