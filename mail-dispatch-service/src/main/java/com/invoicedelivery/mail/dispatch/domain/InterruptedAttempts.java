package com.invoicedelivery.mail.dispatch.domain;

import java.time.Instant;

/**
 * A job still SENDING after its lease ran out was being sent by a process that died (or lost its store) mid-way:
 * the server may or may not have taken the message. SMTP cannot tell, so the job is published as OUTCOME_UNKNOWN
 * and sent once more with the same Message-ID (mailbox providers drop a repeated Message-ID). When that happens
 * to a job a second time, it is not sent again: it fails, with the reason, for a person to look at.
 */
public final class InterruptedAttempts {

    private InterruptedAttempts() {
    }

    /** @param job a job found SENDING with its lease run out */
    public static Transition afterExpiredLease(DispatchJob job, Instant now) {
        if (!job.outcomeUnknown()) {
            return Transition.outcomeUnknown(now, "attempt " + job.attempt() + " was interrupted during the exchange"
                    + " with the mail server; the message may have been delivered; it is sent once more with the same"
                    + " Message-ID");
        }
        return Transition.failed("attempt " + job.attempt() + " was interrupted too, after an earlier interrupted"
                + " attempt; the message may have been delivered and is not sent again", job.lastReply());
    }
}
