package com.invoicedelivery.mail.dispatch.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What follows an attempt. Delivered → SENT. A permanent failure → FAILED at once. A temporary failure → DEFERRED,
 * the wait doubling from {@code firstRetry} up to {@code maxInterval}, the last attempt falling due exactly when
 * {@code giveUpAfter} (counted from the job's creation) has passed; a temporary failure after that → FAILED.
 */
public record RetryPolicy(Duration firstRetry, Duration maxInterval, Duration giveUpAfter) {

    public RetryPolicy {
        requirePositive(firstRetry, "firstRetry");
        requirePositive(maxInterval, "maxInterval");
        requirePositive(giveUpAfter, "giveUpAfter");
    }

    /** @param job the job as claimed for the attempt that has just ended ({@code job.attempt()} counts it) */
    public Transition after(DispatchJob job, AttemptOutcome outcome, Instant now) {
        return switch (outcome.kind()) {
            case DELIVERED -> Transition.sent(outcome.reply());
            case PERMANENT_FAILURE -> Transition.failed(outcome.reason(), outcome.reply());
            case TEMPORARY_FAILURE -> afterTemporaryFailure(job, outcome, now);
        };
    }

    /** The wait after the given attempt failed temporarily: first retry, doubling, capped. */
    public Duration delayAfter(int attempt) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempt && delay.compareTo(maxInterval) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxInterval) < 0 ? delay : maxInterval;
    }

    private Transition afterTemporaryFailure(DispatchJob job, AttemptOutcome outcome, Instant now) {
        Instant deadline = job.createdAt().plus(giveUpAfter);
        if (!now.isBefore(deadline)) {
            return Transition.failed("no attempt succeeded within " + readable(giveUpAfter) + "; the last one: "
                    + outcome.reason(), outcome.reply());
        }
        Instant next = now.plus(delayAfter(Math.max(1, job.attempt())));
        return Transition.deferred(next.isBefore(deadline) ? next : deadline, outcome.reason(), outcome.reply());
    }

    static String readable(Duration duration) {
        if (duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0 && duration.toHours() > 0) {
            return duration.toHours() + " h";
        }
        if (duration.toSecondsPart() == 0 && duration.toMinutes() > 0) {
            return duration.toMinutes() + " min";
        }
        return duration.toSeconds() + " s";
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
