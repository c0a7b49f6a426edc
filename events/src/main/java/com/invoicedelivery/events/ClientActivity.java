package com.invoicedelivery.events;

/** What a client did with a personal link. */
@Description("What a client did with a personal link.")
public enum ClientActivity {
    /** The link was fetched (by a person or a machine). */
    @Description("The link was fetched (by a person or a machine).")
    OPENED,
    /** A person used the page (a script beacon or any POST). */
    @Description("A person used the page.")
    VIEWED,
    @Description("The client agreed to the page's terms.")
    CONSENT_GIVEN,
    @Description("The client refused the page's terms.")
    CONSENT_REFUSED,
    @Description("The client accepted the invoice (once per link).")
    ACCEPTED,
    /** Returned to the sender, with a reason. */
    @Description("The client returned the invoice to the sender, with a reason (once per link).")
    RETURNED,
    /** The PDF was downloaded; recorded for every download. */
    @Description("The PDF was downloaded; recorded for every download.")
    DOWNLOADED
}
