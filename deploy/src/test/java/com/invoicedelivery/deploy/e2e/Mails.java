package com.invoicedelivery.deploy.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

/** What a client's mail program shows of a delivered message: subject, text and HTML bodies, the personal link. */
final class Mails {

    static final Pattern LINK = Pattern.compile("(http://localhost:\\d+/l/[A-Za-z0-9_-]{22,})");

    private Mails() {
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first To address. */
    static String recipient(MimeMessage message) {
        try {
            return ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
                    .getAddress();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message from its MIME source. */
    static MimeMessage parse(byte[] source) {
        try {
            return new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(source));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first body part of the given MIME type, searched through nested multiparts. */
    static String part(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part");
            }
            return found;
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An attached file as the client's mail program saves it. */
    record Attachment(String fileName, String contentType, byte[] bytes) {
    }

    /** The first part with a file name (the attached document). */
    static Attachment attachment(MimeMessage message) {
        try {
            Multipart mixed = (Multipart) message.getContent();
            for (int i = 0; i < mixed.getCount(); i++) {
                BodyPart part = mixed.getBodyPart(i);
                if (part.getFileName() != null) {
                    return new Attachment(MimeUtility.decodeText(part.getFileName()),
                            part.getContentType(), part.getInputStream().readAllBytes());
                }
            }
            throw new AssertionError("no attachment");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The personal link in the plain-text part. */
    static String link(MimeMessage message) {
        String text = part(message, "text/plain");
        Matcher matcher = LINK.matcher(text);
        if (!matcher.find()) {
            throw new AssertionError("no personal link in the text part:\n" + text);
        }
        return matcher.group(1);
    }

    private static String find(Part part, String type) throws IOException, MessagingException {
        if (part.isMimeType(type) && part.getDisposition() == null) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
