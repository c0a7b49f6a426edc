package com.invoicedelivery.mail.dispatch.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * How many messages are in flight per SMTP server, against each server's limit: the platform's server may take as
 * many as there are workers, a tenant's own server only a few. A server at its limit is left out when the next job
 * is claimed, so its jobs wait in the queue while the workers carry everyone else's mail; a worker never sits
 * waiting for a busy server.
 *
 * <p>These counts are this replica's. A tenant's server also has a cap on connections across all replicas (the
 * shared connection slots, {@code ConnectionSlots}): a job whose server had no slot free went back to the queue,
 * and its server is left out of this replica's claims for a moment ({@link #holdBack}) instead of being claimed
 * and put back again and again.
 */
final class ServerPermits {

    private final int platformLimit;
    private final int tenantServerLimit;
    private final Map<String, Integer> inFlight = new HashMap<>();
    private final Map<String, Instant> heldBack = new HashMap<>();

    ServerPermits(int platformLimit, int tenantServerLimit) {
        this.platformLimit = platformLimit;
        this.tenantServerLimit = tenantServerLimit;
    }

    /** The servers that may not take another message now. */
    synchronized Set<String> busy(Instant now) {
        heldBack.values().removeIf(until -> !now.isBefore(until));
        Set<String> busy = new HashSet<>(heldBack.keySet());
        inFlight.forEach((server, count) -> {
            if (count >= limitOf(server)) {
                busy.add(server);
            }
        });
        return Set.copyOf(busy);
    }

    /** Whether a message is in flight or a server held back: the queue has work even if nothing is due. */
    synchronized boolean inUse(Instant now) {
        heldBack.values().removeIf(until -> !now.isBefore(until));
        return !inFlight.isEmpty() || !heldBack.isEmpty();
    }

    /** Leaves the server out of claims until {@code until}: it had no connection slot free across the replicas. */
    synchronized void holdBack(String server, Instant until) {
        heldBack.put(server, until);
    }

    /** Counts a message in flight to the server; the caller has checked it is not {@link #busy()}. */
    synchronized void take(String server) {
        inFlight.merge(server, 1, Integer::sum);
    }

    synchronized void release(String server) {
        inFlight.computeIfPresent(server, (name, count) -> count > 1 ? count - 1 : null);
    }

    synchronized int inFlight(String server) {
        return inFlight.getOrDefault(server, 0);
    }

    private int limitOf(String server) {
        return SmtpServer.PLATFORM.equals(server) ? platformLimit : tenantServerLimit;
    }
}
