package com.invoicedelivery.events;

import java.time.Instant;

/**
 * A client opened an expired link and asked for a fresh one (tracking-service → invoice-service). The fresh
 * link goes to the same address as the expired one, never to another.
 */
@Description("A client opened an expired link and asked for a fresh one: invoice-service sends a new link to the "
        + "same address, never to another.")
public record LinkRenewalRequested(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                   String sendId, String invoiceId, String recipientId, String email)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}
