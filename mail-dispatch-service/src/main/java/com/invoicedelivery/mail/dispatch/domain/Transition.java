package com.invoicedelivery.mail.dispatch.domain;

import java.time.Instant;

/**
 * The state a job moves to after an attempt (or after an interrupted one), with what is published about it.
 *
 * @param nextAttemptAt when the job is due again (DEFERRED, OUTCOME_UNKNOWN); null otherwise
 */
public record Transition(JobState state, Instant nextAttemptAt, String reply, String reason) {

    public static Transition sent(String reply) {
        return new Transition(JobState.SENT, null, reply, null);
    }

    public static Transition failed(String reason, String reply) {
        return new Transition(JobState.FAILED, null, reply, reason);
    }

    public static Transition deferred(Instant nextAttemptAt, String reason, String reply) {
        return new Transition(JobState.DEFERRED, nextAttemptAt, reply, reason);
    }

    public static Transition outcomeUnknown(Instant resendAt, String reason) {
        return new Transition(JobState.OUTCOME_UNKNOWN, resendAt, null, reason);
    }
}
