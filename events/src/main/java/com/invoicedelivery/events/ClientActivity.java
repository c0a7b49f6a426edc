package com.invoicedelivery.events;

/** What a client did with a personal link. */
public enum ClientActivity {
    /** The link was fetched (by a person or a machine). */
    OPENED,
    /** A person used the page (a script beacon or any POST). */
    VIEWED,
    CONSENT_GIVEN,
    CONSENT_REFUSED,
    ACCEPTED,
    /** Returned to the sender, with a reason. */
    RETURNED,
    /** The PDF was downloaded; recorded for every download. */
    DOWNLOADED
}
