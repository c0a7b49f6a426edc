package com.invoicedelivery.invoice.shared.domain;

import java.util.Collection;

/**
 * How far a send got, for one recipient or (the most advanced recipient) for the whole send. Statuses are ranked
 * and never move backwards, so events that arrive late or out of order (an "opened" before its "sent") cannot
 * undo progress: REQUESTED &lt; RENDERED &lt; DEFERRED = OUTCOME_UNKNOWN &lt; FAILED &lt; SENT &lt; BOUNCED &lt;
 * OPENED &lt; VIEWED &lt; ACCEPTED = RETURNED. FAILED ranks just below SENT: it replaces any status before the e-mail
 * went out, and none after. BOUNCED (the recipient's server took the e-mail, then reported it undeliverable) ranks
 * just above SENT: it replaces SENT, and a late SENT does not undo it; a person opening the link afterwards shows the
 * e-mail arrived after all (a forwarder's failure), so OPENED replaces it.
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
    /**
     * The recipient's server reported, after taking it, that the e-mail cannot be delivered (a DSN with a permanent
     * failure, matched by its bounce address); the failure reason has the remote server's words.
     */
    BOUNCED(5, 3),
    OPENED(6),
    VIEWED(7),
    ACCEPTED(8),
    RETURNED(8);

    private final int rank;
    /** The rank among a send's recipients: a bounced recipient counts as a failed one, below one that got it. */
    private final int summaryRank;

    SendStatus(int rank) {
        this(rank, rank);
    }

    SendStatus(int rank, int summaryRank) {
        this.rank = rank;
        this.summaryRank = summaryRank;
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

    /**
     * The most advanced of {@code statuses}: a send's status is its most advanced recipient's, where BOUNCED counts
     * as FAILED (a send one recipient got and another bounced is SENT).
     */
    public static SendStatus mostAdvanced(Collection<SendStatus> statuses) {
        SendStatus most = REQUESTED;
        for (SendStatus status : statuses) {
            if (status.summaryRank > most.summaryRank) {
                most = status;
            }
        }
        return most;
    }
}
