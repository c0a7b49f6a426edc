package com.invoicedelivery.mail.emaillog.domain;

import java.time.Instant;
import java.util.List;

/**
 * An e-mail as the log lists it ("Clients → E-mails"): who it went to, when, and how it ended. Its MIME source is
 * kept beside it: exactly as sent, or, when the e-mail carried a personal link ({@code linkHidden}), as sent with the
 * link's token hidden, so that none of the tenant's users can act as the client from the log. {@code sha256} and
 * {@code sizeBytes} are always those of the exact bytes sent.
 *
 * @param id                   the dispatch job's id: one log entry per recipient of a send
 * @param clientId             null when the send named no client
 * @param status               {@code SENT} when it was logged; {@code BOUNCED} once a permanent failure report came
 *                             back for it
 * @param smtpReply            the server's reply that accepted it
 * @param outcomeUnknownResend true when this is the resend after an interrupted attempt (operators check it)
 * @param sha256               the SHA-256 (hex) of the exact bytes sent
 * @param sizeBytes            the size of the exact bytes sent
 * @param linkHidden           whether the kept source has the personal link's token hidden (false: it is the exact
 *                             bytes sent, e.g. an attachment-mode e-mail)
 * @param reports              the reports that came back about it (bounces, delays, complaints), oldest first; null
 *                             or empty when none (entries logged before reports were read have no such field)
 */
public record LoggedEmail(String id, String tenantId, String clientId, String invoiceId, String sendId,
                          String recipientId, String from, String to, String subject, String messageId,
                          Instant sentAt, String status, String smtpReply, int attempt, boolean outcomeUnknownResend,
                          String sha256, long sizeBytes, boolean linkHidden, List<DeliveryReport> reports) {

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
