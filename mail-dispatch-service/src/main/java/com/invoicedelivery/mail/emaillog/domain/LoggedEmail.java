package com.invoicedelivery.mail.emaillog.domain;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail as the log lists it ("Clients → E-mails"): who it went to, when, and how it ended, with every attempt's
 * outcome: an e-mail that failed or still waits for another attempt is listed too, with its status and reason, but
 * has no source (nothing was accepted). A sent e-mail's MIME source is
 * kept beside it: exactly as sent, or, when the e-mail carried a personal link ({@code linkHidden}), as sent with the
 * link's token hidden, so that none of the tenant's users can act as the client from the log. {@code sha256} and
 * {@code sizeBytes} are always those of the exact bytes sent.
 *
 * @param id                   the dispatch job's id: one log entry per recipient of a send
 * @param clientId             null when the send named no client
 * @param sentAt               when the server accepted it; null while it is not sent
 * @param status               the delivery status after the latest attempt: {@code SENT}, {@code DEFERRED},
 *                             {@code FAILED} or {@code OUTCOME_UNKNOWN}; {@code BOUNCED} once a permanent failure
 *                             report came back for it
 * @param smtpReply            the server's latest reply (the one that accepted it, once sent)
 * @param outcomeUnknownResend true when this is the resend after an interrupted attempt (operators check it)
 * @param sha256               the SHA-256 (hex) of the exact bytes sent
 * @param sizeBytes            the size of the exact bytes sent
 * @param linkHidden           whether the kept source has the personal link's token hidden (false: it is the exact
 *                             bytes sent, e.g. an attachment-mode e-mail)
 * @param reason               why the latest attempt did not succeed, for a person to read; null once sent
 * @param lastAttemptAt        when the latest attempt's outcome was recorded; null for entries logged before
 *                             attempts were
 * @param nextAttemptAt        when the next attempt is due (DEFERRED, OUTCOME_UNKNOWN); null otherwise
 * @param attempts             every attempt's outcome, oldest first (empty for entries logged before attempts were)
 * @param reports              the reports that came back about it (bounces, delays, complaints), oldest first; empty
 *                             when none (entries logged before reports were read have no such field)
 */
public record LoggedEmail(String id, String tenantId, String clientId, String invoiceId, String sendId,
                          String recipientId, String from, String to, String subject, String messageId,
                          Instant sentAt, String status, String smtpReply, int attempt, boolean outcomeUnknownResend,
                          String sha256, long sizeBytes, boolean linkHidden, String reason, Instant lastAttemptAt,
                          Instant nextAttemptAt, List<LoggedAttempt> attempts, List<DeliveryReport> reports) {

    public LoggedEmail {
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        reports = reports == null ? List.of() : List.copyOf(reports);
    }

    /** A sent e-mail, as the delivery logs it the moment the server accepted it (its attempts are added apart). */
    public static LoggedEmail sent(String id, String tenantId, String clientId, String invoiceId, String sendId,
                                   String recipientId, String from, String to, String subject, String messageId,
                                   Instant sentAt, String smtpReply, int attempt, boolean outcomeUnknownResend,
                                   String sha256, long sizeBytes, boolean linkHidden) {
        return new LoggedEmail(id, tenantId, clientId, invoiceId, sendId, recipientId, from, to, subject, messageId,
                sentAt, "SENT", smtpReply, attempt, outcomeUnknownResend, sha256, sizeBytes, linkHidden, null,
                sentAt, null, List.of(), List.of());
    }

    /** Whether the log has a source for it: only what a server accepted has one. */
    public boolean hasSource() {
        return sentAt != null;
    }

    /**
     * A report that came back about this e-mail.
     *
     * @param kind         {@code HARD}, {@code SOFT} or {@code COMPLAINT}
     * @param status       the DSN's status code; null for a complaint
     * @param reason       what the remote side said
     * @param reportingMta the server that wrote the report
     */
    public record DeliveryReport(String kind, String status, String reason, String reportingMta, Instant at) {
    }
}
