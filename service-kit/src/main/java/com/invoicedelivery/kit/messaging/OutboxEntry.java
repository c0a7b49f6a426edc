package com.invoicedelivery.kit.messaging;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose state change produced it (the outbox
 * of an aggregate). Saving the document saves the state and the event together, atomically, without
 * multi-document transactions; the {@link OutboxRelay} publishes the entry and then removes it.
 *
 * @param type        the event's type, e.g. {@code InvoiceSendRequested}
 * @param payload     the event as JSON
 * @param traceparent the W3C trace context of the work that wrote the entry, so that the relay publishes the event
 *                    in that trace ({@link com.invoicedelivery.kit.observability.Traces}); null when it was written
 *                    outside any trace, or before entries had one
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String tenantId,
                          Instant occurredAt, int schemaVersion, String payload, String traceparent) {

    /** An entry outside any trace. */
    public OutboxEntry(String eventId, String topic, String key, String type, String tenantId, Instant occurredAt,
                       int schemaVersion, String payload) {
        this(eventId, topic, key, type, tenantId, occurredAt, schemaVersion, payload, null);
    }

    /** The field that holds the outbox in every document that has one. */
    public static final String FIELD = "outbox";
}
