package com.invoicedelivery.deploy.infra;

import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * A local SMTP server that keeps every message it receives, readable over IMAP (GreenMail). Every address
 * gets a mailbox on first delivery; its IMAP login and password are the address itself.
 */
public final class MailInbox implements AutoCloseable {

    private final GreenMail greenMail;
    private final int smtpPort;
    private final int imapPort;

    private MailInbox(GreenMail greenMail, int smtpPort, int imapPort) {
        this.greenMail = greenMail;
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
    }

    public static MailInbox start(int smtpPort, int imapPort) {
        GreenMail greenMail = new GreenMail(new ServerSetup[] {
                new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)});
        greenMail.start();
        return new MailInbox(greenMail, smtpPort, imapPort);
    }

    /** Every message received so far, oldest first. */
    public List<MimeMessage> messages() {
        return List.of(greenMail.getReceivedMessages());
    }

    /**
     * A mailbox whose owner must authenticate to send through this server, like a tenant's own mail server would
     * ask (the platform's default sender sends without logging in).
     */
    public void addAccount(String email, String login, String password) {
        greenMail.setUser(email, login, password);
    }

    public int smtpPort() {
        return smtpPort;
    }

    public int imapPort() {
        return imapPort;
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
