package com.invoicedelivery.tracking.link.domain;

/**
 * A send request from which no valid links can be made (e.g. a link-mode recipient without a usable token).
 * The application turns it into the kit's MalformedRecordException: the record ends on the dead-letter topic with
 * this message, without retries and without a single link of the send stored.
 */
public class InvalidLinkRequestException extends IllegalArgumentException {

    public InvalidLinkRequestException(String message) {
        super(message);
    }
}
