package com.invoicedelivery.invoice.shared.domain;

import java.util.Collection;

/**
 * How far a send got, for one recipient or (the most advanced recipient) for the whole send. Statuses are ranked
 * and never move backwards, so events that arrive late or out of order (an "opened" before its "sent") cannot
 * undo progress: REQUESTED &lt; RENDERED &lt; DEFERRED = OUTCOME_UNKNOWN &lt; FAILED &lt; SENT &lt; OPENED &lt;
 * VIEWED &lt; ACCEPTED = RETURNED. FAILED ranks just below SENT: it replaces any status before the e-mail went out,
 * and none after.
 */
public enum SendStatus {

    REQUESTED(0),
    /** The PDF is rendered and stored; the e-mail is queued. */
    RENDERED(1),
    /** A temporary delivery failure; another attempt is scheduled. */
    DEFERRED(2),
    /** The mail server may or may not have taken the message; it is resent once with the same Message-ID. */
    OUTCOME_UNKNOWN(2),
    /** Cannot be delivered (or rendered); the recipient's failure reason says why. */
    FAILED(3),
    SENT(4),
    OPENED(5),
    VIEWED(6),
    ACCEPTED(7),
    RETURNED(7);

    private final int rank;

    SendStatus(int rank) {
        this.rank = rank;
    }

    /**
     * The status after {@code reported} arrives for a recipient in this status. A higher rank wins; at equal rank
     * only the retrying statuses follow the latest report (a deferred job found stuck is outcome-unknown, and
     * back); a client's decision, once made, stays.
     */
    public SendStatus advancedBy(SendStatus reported) {
        if (reported.rank > rank || (reported.rank == rank && reported.isRetrying())) {
            return reported;
        }
        return this;
    }

    public boolean isRetrying() {
        return this == DEFERRED || this == OUTCOME_UNKNOWN;
    }

    /** The most advanced of {@code statuses}: a send's status is its most advanced recipient's. */
    public static SendStatus mostAdvanced(Collection<SendStatus> statuses) {
        SendStatus most = REQUESTED;
        for (SendStatus status : statuses) {
            if (status.rank > most.rank) {
                most = status;
            }
        }
        return most;
    }
}
