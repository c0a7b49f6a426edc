package com.invoicedelivery.tracking.link.domain;

import com.invoicedelivery.events.ClientActivity;

/** What the client decided about the invoice; each link decides once. */
public enum OutcomeKind {
    ACCEPTED(ClientActivity.ACCEPTED),
    RETURNED(ClientActivity.RETURNED);

    private final ClientActivity activity;

    OutcomeKind(ClientActivity activity) {
        this.activity = activity;
    }

    public ClientActivity activity() {
        return activity;
    }
}
