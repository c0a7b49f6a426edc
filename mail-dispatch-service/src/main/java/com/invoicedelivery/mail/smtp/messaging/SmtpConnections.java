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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.invoicedelivery.mail.smtp.application.ConnectionSlots.ConnectionSlot;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Open SMTP connections kept between messages, per server and settings: while messages keep coming each goes over
 * a connection that is already there (no new TCP and TLS handshake, EHLO and AUTH per message); a connection idle
 * for longer than the idle timeout is closed. A connection is used by one message at a time.
 *
 * <p>Every connection to a tenant's own server holds one of that server's {@link ConnectionSlots} (shared by all
 * replicas) from before it opens until it is closed, idle ones included: the server sees no more connections from
 * the platform than its cap. The slots' leases are renewed on a schedule ({@link #renewSlots()}); a connection
 * whose slot was lost is closed instead of being used again. The platform's own server needs no slot.
 */
final class SmtpConnections implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmtpConnections.class);

    private final SmtpSessions sessions;
    private final Duration idleTimeout;
    private final Clock clock;
    private final ConnectionSlots tenantServerSlots;
    private final Map<SmtpServer, Deque<IdleConnection>> idle = new HashMap<>();
    /** The slot of every open connection, in use or idle (transports compare by identity). */
    private final Map<SMTPTransport, ConnectionSlot> slots = new ConcurrentHashMap<>();

    SmtpConnections(SmtpSessions sessions, Duration idleTimeout, Clock clock, ConnectionSlots tenantServerSlots) {
        this.sessions = sessions;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.tenantServerSlots = tenantServerSlots;
    }

    /** A kept connection to the server that still answers (NOOP), or null when there is none. */
    SMTPTransport reuse(SmtpServer server) {
        IdleConnection connection;
        while ((connection = take(server)) != null) {
            if (slotHeld(connection.transport()) && connection.transport().isConnected()) {
                return connection.transport();
            }
            discard(connection.transport());
        }
        return null;
    }

    /**
     * A slot for one more connection to the server: empty when the server has as many connections open as it may
     * have (from this replica or others).
     *
     * @throws RuntimeException when the slots cannot be asked (the store is away): no connection is opened
     */
    Optional<ConnectionSlot> slotFor(SmtpServer server) {
        return server.isPlatform() ? ConnectionSlots.UNLIMITED.tryAcquire(server.reference())
                : tenantServerSlots.tryAcquire(server.reference());
    }

    /**
     * A new, not yet connected transport for the server, holding {@code slot} until it is discarded or closed.
     *
     * @param address where it connects (checked by the host policy); null to connect by the host name
     */
    SMTPTransport open(SmtpServer server, InetAddress address, ConnectionSlot slot) throws MessagingException {
        try {
            SMTPTransport transport = (SMTPTransport) sessions.sessionFor(server, address).getTransport("smtp");
            slots.put(transport, slot);
            return transport;
        } catch (MessagingException | RuntimeException e) {
            slot.release();
            throw e;
        }
    }

    /** Keeps a connection that has just carried a message, for the next one, unless its slot was lost meanwhile. */
    void release(SmtpServer server, SMTPTransport transport) {
        if (!slotHeld(transport)) {
            discard(transport);
            return;
        }
        synchronized (this) {
            idle.computeIfAbsent(server, s -> new ArrayDeque<>()).push(new IdleConnection(transport, clock.instant()));
        }
    }

    /** Closes a connection whose state is not known to be clean (after any failure), and gives back its slot. */
    void discard(SMTPTransport transport) {
        closeQuietly(transport);
        ConnectionSlot slot = slots.remove(transport);
        if (slot != null) {
            slot.release();
        }
    }

    /**
     * Renews the slot of every open connection (called on a schedule, well within the lease); closes the idle
     * connections whose slot was lost. A connection in use whose slot was lost is closed when its message is done.
     */
    void renewSlots() {
        List<SMTPTransport> lost = new ArrayList<>();
        slots.forEach((transport, slot) -> {
            if (!slot.renew()) {
                lost.add(transport);
            }
        });
        List<SMTPTransport> idleLost = new ArrayList<>();
        synchronized (this) {
            for (Deque<IdleConnection> connections : idle.values()) {
                connections.removeIf(connection -> lost.contains(connection.transport())
                        && idleLost.add(connection.transport()));
            }
        }
        idleLost.forEach(this::discard);
    }

    /** Connections open now, in use or idle. */
    int openCount() {
        return slots.size();
    }

    private boolean slotHeld(SMTPTransport transport) {
        ConnectionSlot slot = slots.get(transport);
        return slot != null && slot.held();
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
        expired.forEach(this::discard);
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
        // every slot, idle connections' and those still in use (dropped by the stop), given back together: with the
        // store out of reach, one at a time each waited the driver's server selection (30 s), and the stop with them
        List<ConnectionSlot> held = List.copyOf(slots.values());
        slots.clear();
        tenantServerSlots.releaseAll(held);
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
