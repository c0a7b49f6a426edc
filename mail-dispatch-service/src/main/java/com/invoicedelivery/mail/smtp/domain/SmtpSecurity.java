package com.invoicedelivery.mail.smtp.domain;

/** How the connection to an SMTP server is protected. */
public enum SmtpSecurity {
    /** Plain text (a local relay or a test server). */
    NONE,
    /** STARTTLS, required: the exchange stops when the server does not offer it. */
    STARTTLS,
    /** Implicit TLS from the first byte (usually port 465). */
    TLS
}
