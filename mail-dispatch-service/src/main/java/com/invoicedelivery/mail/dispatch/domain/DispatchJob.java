package com.invoicedelivery.mail.dispatch.domain;

import java.time.Instant;

import com.invoicedelivery.mail.message.domain.RecipientEmail;

/**
 * The delivery of one send's e-mail to one recipient: what to send ({@code letter}), through which server, with
 * which Message-ID (fixed at creation, the same on every attempt), and where the delivery is.
 *
 * @param id             {@code sendId:recipientId}, so a redelivered event finds the job it made before
 * @param clientId       the invoice's client, for the e-mail log; null when the event named none
 * @param smtpServer     the reference of the server the job goes through
 * @param letter         the recipient e-mail the job delivers; the component keeps its first name, {@code letter},
 *                       because it is the field name of every job already stored (renaming it would strand queued jobs)
 * @param attempt        attempts started so far (a claim counts one); also what identifies the current claim
 * @param nextAttemptAt  when the job is due (QUEUED, DEFERRED, OUTCOME_UNKNOWN)
 * @param leaseUntil     until when the worker that claimed it holds it (SENDING)
 * @param outcomeUnknown true once an attempt was interrupted mid-exchange: shown to operators
 * @param lastReply      the server's last reply
 * @param lastReason     why the last attempt did not succeed, readable by a person
 * @param traceparent    the W3C trace context of the event that made the job: each attempt continues that trace, so
 *                       the e-mail and its delivery status belong to the send's trace; null for jobs made before
 * @param bounceToken    the unguessable part of the job's envelope sender ({@code bounces+<token>@<bounce domain>}),
 *                       by which a bounce or complaint coming back finds this job; null for jobs stored before
 *                       bounces were read (they go out with the From address as envelope sender, as before)
 */
public record DispatchJob(String id, String tenantId, String sendId, String invoiceId, String clientId,
                          String recipientId, String smtpServer, String messageId, RecipientEmail letter,
                          JobState state,
                          int attempt, Instant createdAt, Instant nextAttemptAt, Instant leaseUntil,
                          boolean outcomeUnknown, String lastReply, String lastReason, Instant finishedAt,
                          String traceparent, String bounceToken) {

    /** A job outside any trace and without a bounce token (as stored before either existed). */
    public DispatchJob(String id, String tenantId, String sendId, String invoiceId, String clientId,
                       String recipientId, String smtpServer, String messageId, RecipientEmail letter, JobState state,
                       int attempt, Instant createdAt, Instant nextAttemptAt, Instant leaseUntil,
                       boolean outcomeUnknown, String lastReply, String lastReason, Instant finishedAt) {
        this(id, tenantId, sendId, invoiceId, clientId, recipientId, smtpServer, messageId, letter, state, attempt,
                createdAt, nextAttemptAt, leaseUntil, outcomeUnknown, lastReply, lastReason, finishedAt, null, null);
    }

    public static String idOf(String sendId, String recipientId) {
        return sendId + ":" + recipientId;
    }

    /** A new job, due now, with a fresh bounce token. */
    public static DispatchJob queued(String tenantId, String sendId, String invoiceId, String clientId,
                                     String recipientId, String smtpServer, String messageId, RecipientEmail letter,
                                     Instant now) {
        return new DispatchJob(idOf(sendId, recipientId), tenantId, sendId, invoiceId, clientId, recipientId,
                smtpServer, messageId, letter, JobState.QUEUED, 0, now, now, null, false, null, null, null, null,
                BounceTokens.next());
    }

    /** This job, continuing the trace {@code traceparent} (null: none). */
    public DispatchJob tracedBy(String traceparent) {
        return new DispatchJob(id, tenantId, sendId, invoiceId, clientId, recipientId, smtpServer, messageId, letter,
                state, attempt, createdAt, nextAttemptAt, leaseUntil, outcomeUnknown, lastReply, lastReason, finishedAt,
                traceparent, bounceToken);
    }
}
