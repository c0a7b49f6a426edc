package com.invoicedelivery.events;

import java.time.Instant;

/** A tenant asked to send one invoice to its recipients (invoice-service → pdf-service, tracking-service). */
@Description("A tenant asked to send one invoice to its recipients: pdf-service renders it, tracking-service prepares "
        + "the personal links. Version 2 carries each link only as its hash and sealed to mail-dispatch-service's key; "
        + "version 1 (link token and link in clear) is no longer written but still read.")
public record InvoiceSendRequested(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                   SendDetails send) implements IntegrationEvent {

    /**
     * Version 2: recipients carry {@link Recipient#linkTokenHash()} and {@link Recipient#sealedLink()} instead of the
     * token and the link in clear.
     */
    public static final int SCHEMA_VERSION = 2;

    /**
     * Version 1 carried each recipient's link token and link in clear ({@link Recipient#linkToken()},
     * {@link Recipient#linkUrl()}). Nothing writes it any more; consumers still read it side by side with version 2
     * while records written before the upgrade may be in flight (on the topic or its dead-letter topic), and drop
     * it in a later release.
     */
    public static final int CLEAR_LINK_VERSION = 1;

    /** Whether this record is of the old version whose recipients carry their links in clear. */
    public boolean carriesClearLinks() {
        return schemaVersion == CLEAR_LINK_VERSION;
    }

    /** Whether this service's code knows the record's version (1 or 2). */
    public boolean hasKnownVersion() {
        return schemaVersion == CLEAR_LINK_VERSION || schemaVersion == SCHEMA_VERSION;
    }

    @Override
    public String key() {
        return send.sendId();
    }
}
