package com.invoicedelivery.mail.emaillog.domain;

import java.time.Instant;

/**
 * How one attempt at an e-mail ended, as the e-mail log lists it.
 *
 * @param attempt       1 for the first attempt
 * @param at            when its outcome was recorded
 * @param outcome       {@code SENT}, {@code DEFERRED}, {@code FAILED} or {@code OUTCOME_UNKNOWN}
 * @param smtpReply     the server's reply, when there was one
 * @param reason        why it did not succeed, for a person to read; null when sent
 * @param nextAttemptAt when the next attempt is due (DEFERRED, OUTCOME_UNKNOWN)
 */
public record LoggedAttempt(int attempt, Instant at, String outcome, String smtpReply, String reason,
                            Instant nextAttemptAt) {
}
