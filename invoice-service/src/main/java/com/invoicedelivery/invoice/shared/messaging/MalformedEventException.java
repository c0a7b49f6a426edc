package com.invoicedelivery.invoice.shared.messaging;

/**
 * A record that lacks what it takes to handle it (an event id, a tenant, a send, a batch), or cannot be read at
 * all. No retry can mend it: the binder sends it straight to the dead-letter topic (not retryable, see
 * application.yml), with this message in its {@code x-exception-message} header.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
