package com.invoicedelivery.mail.dispatch.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * How many messages are in flight per SMTP server, against each server's limit: the platform's server may take as
 * many as there are workers, a tenant's own server only a few. A server at its limit is left out when the next job
 * is claimed, so its jobs wait in the queue while the workers carry everyone else's mail; a worker never sits
 * waiting for a busy server.
 */
final class ServerPermits {

    private final int platformLimit;
    private final int tenantServerLimit;
    private final Map<String, Integer> inFlight = new HashMap<>();

    ServerPermits(int platformLimit, int tenantServerLimit) {
        this.platformLimit = platformLimit;
        this.tenantServerLimit = tenantServerLimit;
    }

    /** The servers that may not take another message now. */
    synchronized Set<String> busy() {
        return inFlight.entrySet().stream().filter(entry -> entry.getValue() >= limitOf(entry.getKey()))
                .map(Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
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
