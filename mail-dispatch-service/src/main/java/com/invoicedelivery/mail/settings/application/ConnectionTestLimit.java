package com.invoicedelivery.mail.settings.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most so many connection tests per tenant in any minute. A test makes the platform connect wherever the
 * settings say and try a password there: unlimited, it would be a way to scan networks or guess passwords from the
 * platform's addresses.
 */
public class ConnectionTestLimit {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final int perMinute;
    private final Clock clock;
    private final Map<String, Deque<Instant>> recent = new ConcurrentHashMap<>();

    public ConnectionTestLimit(int perMinute, Clock clock) {
        this.perMinute = perMinute;
        this.clock = clock;
    }

    /**
     * Counts one test of the tenant.
     *
     * @throws ConnectionTestsLimitedException when the tenant has had its tests of the last minute already
     */
    public void acquire(String tenantId) {
        Instant now = clock.instant();
        Deque<Instant> times = recent.computeIfAbsent(tenantId, tenant -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(WINDOW))) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                throw new ConnectionTestsLimitedException(perMinute,
                        Duration.between(now, times.peekFirst().plus(WINDOW)));
            }
            times.addLast(now);
        }
    }
}
