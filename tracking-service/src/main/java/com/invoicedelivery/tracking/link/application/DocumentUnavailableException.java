package com.invoicedelivery.tracking.link.application;

/** The PDF cannot be delivered now: not rendered yet, pdf-service unreachable, or the bytes fail the hash check. */
public class DocumentUnavailableException extends RuntimeException {

    public DocumentUnavailableException(String message) {
        super(message);
    }

    public DocumentUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
