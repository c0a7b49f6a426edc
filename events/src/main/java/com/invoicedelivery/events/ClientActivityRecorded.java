package com.invoicedelivery.events;

import java.time.Instant;

/**
 * A client did something with a personal link (tracking-service → invoice-service).
 *
 * @param reason           the return reason (RETURNED only)
 * @param suspectedMachine true where the request looks like a mail scanner or a prefetch, not a person;
 *                         such requests never count as a view
 */
public record ClientActivityRecorded(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                     String sendId, String invoiceId, String recipientId, ClientActivity activity,
                                     String reason, boolean suspectedMachine) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}
