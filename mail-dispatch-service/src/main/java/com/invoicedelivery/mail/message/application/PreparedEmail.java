package com.invoicedelivery.mail.message.application;

import com.invoicedelivery.kit.digest.Sha256;
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

    /** The same e-mail with another source (e.g. with a signature header added). */
    PreparedEmail withSource(byte[] changed) {
        return new PreparedEmail(changed, Sha256.hex(changed), messageId, from, to, subject);
    }
}
