package com.invoicedelivery.events;

import java.time.Instant;

/** What every event on the platform's topics carries. */
public interface IntegrationEvent {

    /** Unique per event; consumers use it to recognise a redelivery. */
    @Description("Unique per event: a consumer that has seen it before is reading a redelivery and changes nothing.")
    String eventId();

    @Description("When it happened, in UTC.")
    Instant occurredAt();

    @Description("The tenant (the sending company) the event belongs to.")
    String tenantId();

    @Description("The event's major version. Within a major version producers only add optional fields; a record "
            + "of a major version a consumer does not read goes to its dead-letter topic, saying so.")
    int schemaVersion();

    /** The Kafka record key: the id whose order matters for this event (a send or an invoice). */
    String key();
}
