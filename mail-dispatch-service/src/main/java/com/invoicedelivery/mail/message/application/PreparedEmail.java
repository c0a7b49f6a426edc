package com.invoicedelivery.mail.message.application;

import jakarta.mail.internet.MimeMessage;

/**
 * An e-mail ready to go: its exact MIME source (what is sent, byte for byte, and what the e-mail log keeps) and the
 * headers the log lists.
 */
public record PreparedEmail(byte[] source, String sha256, String messageId, String from, String to, String subject) {

    /** The e-mail as Jakarta Mail sends it: writes {@link #source()} unchanged. */
    public MimeMessage message() {
        return new ExactMimeMessage(source);
    }
}
