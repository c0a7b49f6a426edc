package com.invoicedelivery.tracking.link.application;

/**
 * The token is malformed, unknown, or its link has expired. Pages answer all three the same way, so a
 * guesser learns nothing; the reason is for logs only (never with the token).
 */
public class LinkUnavailableException extends RuntimeException {

    public LinkUnavailableException(String reason) {
        super(reason);
    }
}
