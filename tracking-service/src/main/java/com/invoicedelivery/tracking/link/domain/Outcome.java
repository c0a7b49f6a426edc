package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The client's decision about the invoice.
 *
 * @param reason the return reason (RETURNED only)
 */
public record Outcome(OutcomeKind kind, Instant at, String reason) {

    public Outcome {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    public static Outcome accepted(Instant at) {
        return new Outcome(OutcomeKind.ACCEPTED, at, null);
    }

    public static Outcome returned(ReturnReason reason, Instant at) {
        return new Outcome(OutcomeKind.RETURNED, at, reason.text());
    }

    public boolean isAccepted() {
        return kind == OutcomeKind.ACCEPTED;
    }

    public boolean isReturned() {
        return kind == OutcomeKind.RETURNED;
    }
}
