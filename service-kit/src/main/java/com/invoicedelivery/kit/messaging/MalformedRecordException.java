package com.invoicedelivery.kit.messaging;

/**
 * A consumed record that lacks what it takes to handle it (an event id, a tenant, a send, recipients, a usable
 * link token) or cannot be read at all. No retry can mend it, so every binding of every service treats it as not
 * retryable (service-kit-defaults.properties): the binder sends it straight to the binding's dead-letter topic,
 * with this message in the {@code x-exception-message} header. The one such exception of the platform: a copy in a
 * service would be retried unless that service remembered to register it.
 */
public class MalformedRecordException extends RuntimeException {

    public MalformedRecordException(String message) {
        super(message);
    }

    public MalformedRecordException(String message, Throwable cause) {
        super(message, cause);
    }
}
