package com.invoicedelivery.pdf.documents.application;

/**
 * A send-requested record that names no send or tenant: nothing can be recorded against it, and no retry can
 * mend it. The binder sends it straight to the dead-letter topic (it is not retryable, see application.yml).
 */
public class MalformedSendException extends RuntimeException {

    public MalformedSendException(String message) {
        super(message);
    }
}
