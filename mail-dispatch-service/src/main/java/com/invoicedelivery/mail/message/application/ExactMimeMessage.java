package com.invoicedelivery.mail.message.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPMessage;

/**
 * A message parsed from its MIME source that writes that source unchanged: no header is regenerated (Message-ID,
 * boundaries, encodings stay as composed), so the bytes sent are exactly the bytes logged. An Angus
 * {@link SMTPMessage}, so that each message may carry its own envelope sender (the bounce address, VERP).
 */
final class ExactMimeMessage extends SMTPMessage {

    static {
        MailStreams.named();
    }

    /** MIME settings only: the SMTP transport sends with its own session. */
    private static final Session MIME_SESSION = Session.getInstance(new Properties());

    private final byte[] source;

    ExactMimeMessage(byte[] source) {
        super(MIME_SESSION);
        this.source = source.clone();
        try {
            parse(new ByteArrayInputStream(this.source));
        } catch (MessagingException e) {
            throw new IllegalArgumentException("not a MIME message", e);
        }
        saved = true;
    }

    /**
     * Writes the source as it is. Jakarta Mail's SMTP transport asks to leave out {@code Bcc} and
     * {@code Content-Length}; composed messages never have either, so the source is already without them.
     */
    @Override
    public void writeTo(OutputStream out, String[] ignoreList) throws IOException, MessagingException {
        out.write(source);
        out.flush();
    }

    @Override
    public void writeTo(OutputStream out) throws IOException, MessagingException {
        writeTo(out, null);
    }

    @Override
    public void saveChanges() {
        // the source is final: nothing to update
    }
}
