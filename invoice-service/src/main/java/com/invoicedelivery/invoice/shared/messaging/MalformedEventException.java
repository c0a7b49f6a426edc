package com.invoicedelivery.invoice.send.messaging;

/**
 * A status record that lacks what it takes to apply it (an event id, a tenant, a send, a recipient, a status).
 * No retry can mend it: the binder sends it straight to the dead-letter topic (not retryable, see
 * application.yml), with this message in its {@code x-exception-message} header.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }
}
