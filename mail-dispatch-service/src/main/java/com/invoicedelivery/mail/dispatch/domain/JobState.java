package com.invoicedelivery.mail.dispatch.domain;

import com.invoicedelivery.events.DeliveryStatus;

/** Where one recipient's e-mail is. QUEUED, DEFERRED and OUTCOME_UNKNOWN jobs are picked up when due. */
public enum JobState {
    /** Waiting for its first attempt. */
    QUEUED,
    /** A worker holds it until its lease ends: recorded before the exchange with the server starts. */
    SENDING,
    /** A temporary failure; the next attempt is due at {@code nextAttemptAt}. */
    DEFERRED,
    /** An attempt was interrupted (the process died mid-exchange); sent once more with the same Message-ID. */
    OUTCOME_UNKNOWN,
    SENT,
    FAILED;

    /** The status published for a job that has just reached this state. */
    public DeliveryStatus publishedStatus() {
        return switch (this) {
            case SENT -> DeliveryStatus.SENT;
            case DEFERRED -> DeliveryStatus.DEFERRED;
            case FAILED -> DeliveryStatus.FAILED;
            case OUTCOME_UNKNOWN -> DeliveryStatus.OUTCOME_UNKNOWN;
            case QUEUED, SENDING -> throw new IllegalStateException(this + " is not published");
        };
    }

    public boolean isFinal() {
        return this == SENT || this == FAILED;
    }
}
