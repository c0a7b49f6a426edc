package com.invoicedelivery.mail.testdata;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.base.GreenMailOperations;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.Awaitility;

/** What GreenMail, the SMTP server of the tests, has received. */
public final class Mailbox {

    private final GreenMailOperations smtp;

    public Mailbox(GreenMailOperations smtp) {
        this.smtp = smtp;
    }

    /** The first e-mail to {@code address}; waits for it up to {@code timeout}. */
    public MimeMessage await(String address, Duration timeout) {
        return Awaitility.await("an e-mail to " + address).atMost(timeout)
                .until(() -> to(address), mails -> !mails.isEmpty()).get(0);
    }

    public List<MimeMessage> to(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> isTo(mail, address)).toList();
    }

    /** The text of the first part of the given type in a multipart/alternative e-mail. */
    public static String part(MimeMessage mail, String type) throws Exception {
        Multipart alternative = (Multipart) mail.getContent();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            if (part.isMimeType(type)) {
                return (String) part.getContent();
            }
        }
        throw new AssertionError("no " + type + " part");
    }

    /** The e-mail as the server keeps it, headers it added included. */
    public static byte[] bytes(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    /** A message parsed from its source (e.g. the e-mail log's copy). */
    public static MimeMessage parse(byte[] source) throws Exception {
        return new MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(source));
    }

    private static boolean isTo(MimeMessage mail, String address) {
        try {
            return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
                    .anyMatch(to -> ((InternetAddress) to).getAddress().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
