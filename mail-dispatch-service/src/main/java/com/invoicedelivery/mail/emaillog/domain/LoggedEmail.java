package com.invoicedelivery.mail.emaillog.domain;

import java.time.Instant;

/**
 * An e-mail as the log lists it ("Clients → E-mails"): who it went to, when, and how it ended. Its exact MIME source
 * is kept beside it, with {@code sha256} proving it unchanged.
 *
 * @param id                   the dispatch job's id: one log entry per recipient of a send
 * @param clientId             null when the send named no client
 * @param status               the delivery status when it was logged ({@code SENT})
 * @param smtpReply            the server's reply that accepted it
 * @param outcomeUnknownResend true when this is the resend after an interrupted attempt (operators check it)
 */
public record LoggedEmail(String id, String tenantId, String clientId, String invoiceId, String sendId,
                          String recipientId, String from, String to, String subject, String messageId,
                          Instant sentAt, String status, String smtpReply, int attempt, boolean outcomeUnknownResend,
                          String sha256, long sizeBytes) {
}
