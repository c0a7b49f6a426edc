package com.invoicedelivery.mail.dispatch.application;

/**
 * A document-ready record that names no send, tenant or recipients: no job can be made from it, and no retry can
 * mend it. The binder sends it straight to the dead-letter topic (not retryable, see application.yml).
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
