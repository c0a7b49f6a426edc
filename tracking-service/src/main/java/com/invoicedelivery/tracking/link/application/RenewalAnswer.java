package com.invoicedelivery.tracking.link.application;

/** What became of a client's request for a fresh link. */
public enum RenewalAnswer {
    /** LinkRenewalRequested is on its way to invoice-service. */
    REQUESTED,
    /** A fresh link was asked for within the last renewal interval: nothing more is sent. */
    ASKED_RECENTLY,
    /** The link still works: there is nothing to renew. */
    NOT_EXPIRED
}
