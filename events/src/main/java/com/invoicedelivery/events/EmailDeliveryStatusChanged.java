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
 * @param retryRequestedBy optional (added within version 1): set only on the report that someone asked for a waiting
 *                      e-mail to be retried now ("retry now"): who asked, e.g. {@code admin@demo (tenant admin)}.
 *                      Such a report repeats the job's status (DEFERRED or OUTCOME_UNKNOWN) and reason, with
 *                      {@code nextAttemptAt} now; it moves no status. A reader that does not know the field sees one
 *                      more report of the status the recipient has.
 */
@Description("The delivery of one e-mail to one recipient changed status (one record per attempt's outcome), or "
        + "someone asked for a waiting e-mail to be retried now (retryRequestedBy set).")
public record EmailDeliveryStatusChanged(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                         String sendId, String invoiceId,
                                         @Description("The recipient within the send.") String recipientId,
                                         String email,
                                         DeliveryStatus status,
                                         @Description("The e-mail's Message-ID, fixed before the first attempt and "
                                                 + "kept on every retry.") String messageId,
                                         @Description("The server's reply to the last command, when there was one.")
                                         @OptionalField String smtpReply,
                                         @Description("1 for the first attempt.") int attempt,
                                         @Description("When the next attempt is due (DEFERRED only).")
                                         @OptionalField Instant nextAttemptAt,
                                         @Description("Why, for a person to read (DEFERRED, FAILED, OUTCOME_UNKNOWN).")
                                         @OptionalField String reason,
                                         @Description("Added within version 1. Set only on the report that someone "
                                                 + "asked for a waiting e-mail to be retried now: who asked, e.g. "
                                                 + "\"admin@demo (tenant admin)\". Such a report repeats the job's "
                                                 + "status and reason, with nextAttemptAt now, and moves no status.")
                                         @OptionalField String retryRequestedBy)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A report of an attempt's outcome (no retry asked for). */
    public EmailDeliveryStatusChanged(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                      String sendId, String invoiceId, String recipientId, String email,
                                      DeliveryStatus status, String messageId, String smtpReply, int attempt,
                                      Instant nextAttemptAt, String reason) {
        this(eventId, occurredAt, tenantId, schemaVersion, sendId, invoiceId, recipientId, email, status, messageId,
                smtpReply, attempt, nextAttemptAt, reason, null);
    }

    /** True when this reports that someone asked for the e-mail to be retried now, not an attempt's outcome. */
    public boolean reportsRetryRequest() {
        return retryRequestedBy != null;
    }

    @Override
    public String key() {
        return sendId;
    }
}
