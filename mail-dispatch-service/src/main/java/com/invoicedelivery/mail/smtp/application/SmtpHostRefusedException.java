package com.invoicedelivery.mail.smtp.application;

/**
 * A tenant's SMTP server is somewhere the platform may not connect (see
 * {@link com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy}); nothing was sent to it. Another attempt with the
 * same settings is refused the same way. The message is readable by a person.
 */
public class SmtpHostRefusedException extends RuntimeException {

    public SmtpHostRefusedException(String message) {
        super(message);
    }
}
