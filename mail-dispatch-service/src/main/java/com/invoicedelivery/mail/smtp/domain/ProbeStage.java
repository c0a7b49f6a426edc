package com.invoicedelivery.mail.smtp.domain;

/**
 * The steps of a connection test, in the order a connection goes through them (implicit TLS comes right after
 * CONNECT, STARTTLS right after GREETING). A failed test names the step that failed; a passed one says DONE.
 */
public enum ProbeStage {
    /** Reaching the host and port. */
    CONNECT,
    /** The TLS handshake: implicit TLS, or STARTTLS when it is required. */
    TLS,
    /** The server's 220 greeting and its answer to EHLO. */
    GREETING,
    /** Logging in with the user name and password. */
    AUTH,
    /** Everything went through; the test said QUIT. */
    DONE
}
