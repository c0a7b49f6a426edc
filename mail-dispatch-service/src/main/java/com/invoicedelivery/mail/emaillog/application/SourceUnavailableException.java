package com.invoicedelivery.mail.emaillog.application;

/**
 * A logged e-mail's source cannot be put back together: its attached document, which pdf-service keeps, cannot be had
 * now ({@link Reason#UNREACHABLE}, try again), is no longer stored ({@link Reason#DOCUMENT_GONE}), or is no longer
 * the bytes attached ({@link Reason#DOCUMENT_CHANGED}). The e-mail's headers and texts can still be read.
 */
public class SourceUnavailableException extends RuntimeException {

    public enum Reason { UNREACHABLE, DOCUMENT_GONE, DOCUMENT_CHANGED }

    private final Reason reason;

    public SourceUnavailableException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
