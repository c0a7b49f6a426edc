package com.invoicedelivery.mail.settings.domain;

/**
 * A secret cannot be encrypted or decrypted with the keys configured: none is configured, the one a secret was
 * encrypted with is gone, or the data does not match it. The message says which, and never holds a secret.
 */
public class SecretsUnavailableException extends RuntimeException {

    public SecretsUnavailableException(String message) {
        super(message);
    }

    public SecretsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
