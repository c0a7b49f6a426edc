package com.invoicedelivery.tracking.link.application;

/**
 * The link exists but has expired. Its page is the neutral one of unknown links, plus the offer to e-mail a
 * fresh link to the address this one was sent to.
 */
public class LinkExpiredException extends LinkUnavailableException {

    public LinkExpiredException() {
        super("expired link");
    }
}
