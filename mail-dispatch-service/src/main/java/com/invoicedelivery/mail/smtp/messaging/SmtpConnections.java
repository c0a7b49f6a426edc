package com.invoicedelivery.mail.smtp.messaging;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open SMTP connections kept between messages, per server and settings: while messages keep coming each goes over
 * a connection that is already there (no new TCP and TLS handshake, EHLO and AUTH per message); a connection idle
 * for longer than the idle timeout is closed. A connection is used by one message at a time.
 */
final class SmtpConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final SmtpSessions sessions;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Map<SmtpServer, Deque<IdleConnection>> idle = new HashMap<>();

    SmtpConnections(SmtpSessions sessions, Duration idleTimeout, Clock clock) {
        this.sessions = sessions;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    /** A kept connection to the server that still answers (NOOP), or null when there is none. */
    SMTPTransport reuse(SmtpServer server) {
        IdleConnection connection;
        while ((connection = take(server)) != null) {
            if (connection.transport().isConnected()) {
                return connection.transport();
            }
            closeQuietly(connection.transport());
        }
        return null;
    }

    /**
     * A new, not yet connected transport for the server.
     *
     * @param address where it connects (checked by the host policy); null to connect by the host name
     */
    SMTPTransport open(SmtpServer server, InetAddress address) throws MessagingException {
        return (SMTPTransport) sessions.sessionFor(server, address).getTransport("smtp");
    }

    /** Keeps a connection that has just carried a message, for the next one. */
    synchronized void release(SmtpServer server, SMTPTransport transport) {
        idle.computeIfAbsent(server, s -> new ArrayDeque<>()).push(new IdleConnection(transport, clock.instant()));
    }

    /** Closes a connection whose state is not known to be clean (after any failure). */
    void discard(SMTPTransport transport) {
        closeQuietly(transport);
    }

    /** Closes the connections idle for longer than the idle timeout. */
    void closeIdle() {
        Instant threshold = clock.instant().minus(idleTimeout);
        List<SMTPTransport> expired = new ArrayList<>();
        synchronized (this) {
            for (Deque<IdleConnection> connections : idle.values()) {
                for (Iterator<IdleConnection> i = connections.iterator(); i.hasNext(); ) {
                    IdleConnection connection = i.next();
                    if (connection.since().isBefore(threshold)) {
                        expired.add(connection.transport());
                        i.remove();
                    }
                }
            }
            // a server no longer used is forgotten, its credentials with it
            idle.values().removeIf(Deque::isEmpty);
        }
        expired.forEach(SmtpConnections::closeQuietly);
    }

    synchronized int idleCount() {
        return idle.values().stream().mapToInt(Deque::size).sum();
    }

    @Override
    public void close() {
        List<SMTPTransport> all = new ArrayList<>();
        synchronized (this) {
            idle.values().forEach(connections -> connections.forEach(c -> all.add(c.transport())));
            idle.clear();
        }
        all.forEach(SmtpConnections::closeQuietly);
    }

    /** The most recently used connection first: the others grow idle and get closed when traffic drops. */
    private synchronized IdleConnection take(SmtpServer server) {
        Deque<IdleConnection> connections = idle.get(server);
        return connections == null ? null : connections.poll();
    }

    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            log.debug("closing an SMTP connection failed: {}", e.toString());
        }
    }

    private record IdleConnection(SMTPTransport transport, Instant since) {
    }
}
