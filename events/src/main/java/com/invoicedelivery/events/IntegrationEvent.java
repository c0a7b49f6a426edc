package com.invoicedelivery.events;

import java.time.Instant;

/** What every event on the platform's topics carries. */
public interface IntegrationEvent {

    /** Unique per event; consumers use it to recognise a redelivery. */
    String eventId();

    Instant occurredAt();

    String tenantId();

    int schemaVersion();

    /** The Kafka record key: the id whose order matters for this event (a send or an invoice). */
    String key();
}
