package com.invoicedelivery.events;

import java.time.Instant;

/**
 * The delivery of one e-mail to one recipient changed status (mail-dispatch-service → invoice-service).
 *
 * @param messageId     the Message-ID, fixed before the first attempt and kept on every retry
 * @param smtpReply     the server's reply to the last command, when there was one
 * @param attempt       1 for the first attempt
 * @param nextAttemptAt when the next attempt is due (DEFERRED only)
 * @param reason        readable by a person (DEFERRED, FAILED, OUTCOME_UNKNOWN)
 */
public record EmailDeliveryStatusChanged(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                         String sendId, String invoiceId, String recipientId, String email,
                                         DeliveryStatus status, String messageId, String smtpReply, int attempt,
                                         Instant nextAttemptAt, String reason) implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    @Override
    public String key() {
        return sendId;
    }
}
