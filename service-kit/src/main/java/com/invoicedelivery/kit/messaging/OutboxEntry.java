package com.invoicedelivery.kit.messaging;

import java.time.Instant;

/**
 * An event waiting to be published, stored inside the document whose state change produced it (the outbox
 * of an aggregate). Saving the document saves the state and the event together, atomically, without
 * multi-document transactions; the {@link OutboxRelay} publishes the entry and then removes it.
 *
 * @param type    the event's type, e.g. {@code InvoiceSendRequested}
 * @param payload the event as JSON
 */
public record OutboxEntry(String eventId, String topic, String key, String type, String tenantId,
                          Instant occurredAt, int schemaVersion, String payload) {

    /** The field that holds the outbox in every document that has one. */
    public static final String FIELD = "outbox";
}
