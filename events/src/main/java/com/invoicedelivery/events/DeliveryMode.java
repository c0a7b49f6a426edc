package com.invoicedelivery.events;

/** How an invoice reaches the client. */
@Description("How an invoice reaches the client.")
public enum DeliveryMode {
    /** An e-mail with a personal link to a page that shows the invoice (tracked). */
    @Description("An e-mail with a personal link to a page that shows the invoice (tracked).")
    LINK,
    /** An e-mail with the invoice as a PDF attachment (not tracked). */
    @Description("An e-mail with the invoice as a PDF attachment (not tracked).")
    ATTACHMENT
}
