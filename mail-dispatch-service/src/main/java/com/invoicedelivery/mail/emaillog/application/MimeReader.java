package com.invoicedelivery.mail.emaillog.application;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.invoicedelivery.mail.emaillog.domain.EmailContent;
import com.invoicedelivery.mail.message.domain.LoggedCopy;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** Reads an e-mail back from its MIME source: Reply-To, the text and HTML bodies, the attachments. */
public final class MimeReader {

    private static final Session SESSION = Session.getInstance(new Properties());

    private MimeReader() {
    }

    /**
     * The e-mail from its copy as stored, without fetching an attached document: its part is read with an empty body
     * and its size is the reference's (the only attachment a composed e-mail has is the document).
     */
    public static EmailContent read(LoggedCopy copy) {
        EmailContent content = read(copy.withoutAttachmentBody());
        if (!copy.isDetached()) {
            return content;
        }
        long size = copy.attachment().sizeBytes();
        return new EmailContent(content.replyTo(), content.textBody(), content.htmlBody(), content.attachments()
                .stream().map(attachment -> attachment.size() == 0
                        ? new EmailContent.Attachment(attachment.fileName(), attachment.contentType(), size)
                        : attachment)
                .toList());
    }

    public static EmailContent read(byte[] source) {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(source));
            Parts parts = new Parts();
            parts.collect(message);
            return new EmailContent(replyTo(message), parts.text, parts.html, List.copyOf(parts.attachments));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("a logged e-mail cannot be read back", e);
        }
    }

    /** Jakarta Mail answers From when there is no Reply-To; the log shows only a real Reply-To. */
    private static String replyTo(MimeMessage message) throws MessagingException {
        if (message.getHeader("Reply-To") == null) {
            return null;
        }
        Address[] replyTo = message.getReplyTo();
        return replyTo.length == 0 ? null : ((InternetAddress) replyTo[0]).toUnicodeString();
    }

    private static final class Parts {

        private String text;
        private String html;
        private final List<EmailContent.Attachment> attachments = new ArrayList<>();

        void collect(Part part) throws MessagingException, IOException {
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    collect(multipart.getBodyPart(i));
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null) {
                attachments.add(new EmailContent.Attachment(part.getFileName(),
                        new ContentType(part.getContentType()).getBaseType(), size(part)));
            } else if (part.isMimeType("text/plain") && text == null) {
                text = (String) part.getContent();
            } else if (part.isMimeType("text/html") && html == null) {
                html = (String) part.getContent();
            }
        }

        private static long size(Part part) throws MessagingException, IOException {
            try (InputStream content = part.getInputStream()) {
                return content.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
