package com.invoicedelivery.mail.dispatch.domain;

import java.time.Instant;
import java.util.List;

/**
 * What a "retry now" request did: every job it looked at, made due now or left as it was, and why.
 *
 * @param retried how many jobs this request made due now (0 on a repeated request)
 * @param more    true when there were more waiting jobs than one request handles: ask again for the rest
 */
public record RetryNowResult(int retried, List<JobRetry> jobs, boolean more) {

    public RetryNowResult {
        jobs = List.copyOf(jobs);
    }

    public static RetryNowResult of(List<JobRetry> jobs, boolean more) {
        return new RetryNowResult((int) jobs.stream().filter(JobRetry::retried).count(), jobs, more);
    }

    /**
     * One job's answer.
     *
     * @param state         the job's state after the request
     * @param nextAttemptAt when it is due (now, when it was just retried); null when nothing more is due
     * @param retried       true when this request made it due now
     * @param note          why it was or was not retried, for a person to read
     */
    public record JobRetry(String sendId, String recipientId, String messageId, JobState state, Instant nextAttemptAt,
                           boolean retried, String note) {
    }

    /** Why a job that was not made due now was left as it was. */
    public static String noteFor(DispatchJob job, java.time.Instant now) {
        return switch (job.state()) {
            case SENT -> "already sent: nothing to retry";
            case FAILED -> "failed for good (" + job.lastReason() + "): nothing to retry; send the invoice again";
            case SENDING -> "being sent right now";
            case QUEUED -> "already due: waiting for its first attempt";
            case DEFERRED, OUTCOME_UNKNOWN -> job.nextAttemptAt() != null && !job.nextAttemptAt().isAfter(now)
                    ? "already due: nothing more to do" : "not retried: it changed meanwhile, ask again";
        };
    }
}
