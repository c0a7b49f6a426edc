package com.invoicedelivery.mail.smtp.application;

/**
 * A server's settings cannot be had now; another attempt later may succeed (an operator restores a key). The
 * message is readable by a person and never holds a secret.
 */
public class SmtpServerUnavailableException extends RuntimeException {

    public SmtpServerUnavailableException(String message) {
        super(message);
    }
}
