package com.invoicedelivery.mail.smtp.messaging;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

import com.invoicedelivery.mail.smtp.application.ConnectionSlots.ConnectionSlot;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.application.SmtpHostRefusedException;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends through Jakarta Mail (Angus), over connections kept per server between messages. After any failure the
 * connection is closed rather than reused: its state is not known to be clean.
 */
public class JakartaMailTransport implements MailTransport, AutoCloseable {

    private final SmtpConnections connections;
    private final SmtpHostGuard hosts;
    private final ScheduledExecutorService timers;

    /**
     * @param hosts  checks a server's host before a new connection to it, and tells the address to connect to
     * @param timers runs the write timeouts and the idle connection closer; shut down with this transport
     */
    JakartaMailTransport(SmtpConnections connections, SmtpHostGuard hosts, ScheduledExecutorService timers) {
        this.connections = connections;
        this.hosts = hosts;
        this.timers = timers;
    }

    @Override
    public SmtpOutcome send(SmtpServer server, MimeMessage message) {
        SMTPTransport transport = connections.reuse(server);
        if (transport == null) {
            InetAddress address;
            try {
                address = hosts.check(server);
            } catch (SmtpHostRefusedException e) {
                return SmtpOutcome.hostRefused(e.getMessage());
            } catch (UnknownHostException e) {
                return SmtpOutcome.noReply(SmtpReplies.describe(e));
            }
            Optional<ConnectionSlot> slot;
            try {
                slot = connections.slotFor(server);
            } catch (RuntimeException e) {
                // without the shared count no replica may open a connection: the cap would not hold
                return SmtpOutcome.noSlot("the connection slots of " + server.address() + " cannot be checked ("
                        + e.getMessage() + ")");
            }
            if (slot.isEmpty()) {
                return SmtpOutcome.noSlot(server.address() + " has as many connections from the platform as it may");
            }
            try {
                transport = connections.open(server, address, slot.get());
                transport.connect(server.host(), server.port(), server.username(), server.password());
            } catch (MessagingException e) {
                if (transport != null) {
                    connections.discard(transport);
                }
                return SmtpReplies.outcomeOf(e, transport);
            }
        }
        try {
            transport.sendMessage(message, message.getAllRecipients());
            SmtpOutcome accepted = SmtpOutcome.replied(transport.getLastReturnCode(), transport.getLastServerResponse());
            connections.release(server, transport);
            return accepted;
        } catch (MessagingException e) {
            connections.discard(transport);
            return SmtpReplies.outcomeOf(e, transport);
        } catch (RuntimeException e) {
            connections.discard(transport);
            return SmtpOutcome.noReply("the exchange failed (" + e + ")");
        }
    }

    /** Renews the shared slots of the open connections (called on a schedule). */
    void renewConnectionSlots() {
        connections.renewSlots();
    }

    /** Closes the connections idle for longer than the idle timeout (called on a schedule). */
    void closeIdleConnections() {
        connections.closeIdle();
    }

    @Override
    public void close() {
        connections.close();
        timers.shutdownNow();
    }
}
