package com.invoicedelivery.mail.message.application;

import java.util.Arrays;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import jakarta.mail.internet.MimeMessage;

/**
 * An e-mail ready to go: its exact MIME source (what is sent, byte for byte, and whose SHA-256 the e-mail log keeps),
 * the copy the e-mail log keeps, and the headers the log lists.
 *
 * @param loggedSource the e-mail as the log keeps it: the same e-mail (same headers, Message-ID, date, signature)
 *                     with the personal link's token hidden ({@code linkHidden}), or the source itself when the
 *                     e-mail has no link
 * @param linkHidden   whether {@code loggedSource} differs from {@code source} by the hidden token
 * @param loggedCopy   {@code loggedSource} as the log stores it: without the attached PDF's base64 body, which
 *                     pdf-service keeps already, but with what puts it back byte for byte; whole when there is none
 */
public record PreparedEmail(byte[] source, String sha256, String messageId, String from, String to, String subject,
                            byte[] loggedSource, boolean linkHidden, LoggedCopy loggedCopy) {

    /** The e-mail as Jakarta Mail sends it: writes {@link #source()} unchanged. */
    public MimeMessage message() {
        return new ExactMimeMessage(source);
    }

    /**
     * The same, with its own envelope sender ({@code MAIL FROM}), where reports about it come back; null: the From
     * address, as {@link #message()}. The envelope is not part of the source: the bytes sent stay the same.
     */
    public MimeMessage message(String envelopeSender) {
        ExactMimeMessage message = new ExactMimeMessage(source);
        if (envelopeSender != null) {
            message.setEnvelopeFrom(envelopeSender);
        }
        return message;
    }

    /**
     * The same e-mail with header fields put in front of its source (e.g. a signature): the log's copy gets the same
     * fields, so it shows what was sent.
     */
    PreparedEmail withHeaderInFront(byte[] changed) {
        int added = changed.length - source.length;
        if (added < 0 || !Arrays.equals(changed, added, changed.length, source, 0, source.length)) {
            throw new IllegalArgumentException("the changed source does not end with the original one");
        }
        byte[] logged = new byte[added + loggedSource.length];
        System.arraycopy(changed, 0, logged, 0, added);
        System.arraycopy(loggedSource, 0, logged, added, loggedSource.length);
        return new PreparedEmail(changed, Sha256.hex(changed), messageId, from, to, subject, logged, linkHidden,
                loggedCopy.withHeaderInFront(Arrays.copyOfRange(changed, 0, added)));
    }
}
