package com.invoicedelivery.deploy.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

/** Reads a recipient's mailbox over IMAP, as the client's mail program would. */
public final class ImapMailbox {

    private final int imapPort;

    public ImapMailbox(int imapPort) {
        this.imapPort = imapPort;
    }

    /** Every message in the address's inbox (empty when the address has received nothing yet). */
    public List<MimeMessage> messages(String address) {
        Properties properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "5000");
        Session session = Session.getInstance(properties);
        try (Store store = session.getStore("imap")) {
            store.connect("localhost", imapPort, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<MimeMessage> copies = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                // copy while the folder is open: the IMAP message is lazy
                copies.add(new MimeMessage((MimeMessage) message));
            }
            inbox.close(false);
            return copies;
        } catch (jakarta.mail.AuthenticationFailedException e) {
            return List.of(); // GreenMail creates the mailbox on the first delivery
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot read the mailbox of " + address, e);
        }
    }

    /** Waits for a message matching {@code condition} in the address's inbox. */
    public MimeMessage await(String address, Predicate<MimeMessage> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (MimeMessage message : messages(address)) {
                if (condition.test(message)) {
                    return message;
                }
            }
            Waiting.pause(Duration.ofMillis(300));
        }
        throw new AssertionError("no matching message for " + address + " within " + timeout);
    }
}
