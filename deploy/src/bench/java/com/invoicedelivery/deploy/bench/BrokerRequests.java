package com.invoicedelivery.deploy.bench;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The requests the broker has handled, by kind (Produce, Fetch, OffsetCommit, Heartbeat…): Kafka's own counters
 * ({@code kafka.network:type=RequestMetrics,name=RequestsPerSec}), read over JMX in this JVM, where the local run's
 * broker runs. Every request costs the broker (and its client) the same few steps whatever it carries, so requests per
 * invoice say what a change to batching or committing did, without the noise of CPU time on a shared machine.
 */
final class BrokerRequests {

    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();

    private BrokerRequests() {
    }

    /** Requests handled so far, by kind (all API versions together). */
    static Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        try {
            for (ObjectName name : SERVER.queryNames(
                    new ObjectName("kafka.network:type=RequestMetrics,name=RequestsPerSec,*"), null)) {
                String request = name.getKeyProperty("request");
                // FetchConsumer and FetchFollower are the Fetch requests again, counted by who sent them
                if (request != null && !request.equals("FetchConsumer") && !request.equals("FetchFollower")) {
                    counts.merge(request, ((Number) SERVER.getAttribute(name, "Count")).longValue(), Long::sum);
                }
            }
        } catch (JMException e) {
            throw new IllegalStateException("cannot read the broker's request counters", e);
        }
        return counts;
    }

    /** Requests per invoice since {@code before}, by kind, the kinds with none left out; "all" sums them. */
    static Map<String, Double> perInvoice(Map<String, Long> before, long invoices) {
        return since(before, invoices);
    }

    /** Requests per second since {@code before}, as {@link #perInvoice}: what the platform asks of the broker at rest. */
    static Map<String, Double> perSecond(Map<String, Long> before, double seconds) {
        return since(before, seconds);
    }

    private static Map<String, Double> since(Map<String, Long> before, double per) {
        Map<String, Double> rates = new TreeMap<>();
        long all = 0;
        for (Map.Entry<String, Long> now : counts().entrySet()) {
            long handled = now.getValue() - before.getOrDefault(now.getKey(), 0L);
            if (handled > 0) {
                rates.put(now.getKey(), Math.round(handled * 100.0 / per) / 100.0);
                all += handled;
            }
        }
        rates.put("all", Math.round(all * 100.0 / per) / 100.0);
        return rates;
    }
}
