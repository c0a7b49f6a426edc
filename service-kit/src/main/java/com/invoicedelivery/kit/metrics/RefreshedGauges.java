package com.invoicedelivery.kit.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Gauges whose values come from a store or a broker: computed on a schedule ({@code platform.metrics.refresh-interval})
 * by the refreshers registered here, never on a scrape, so a scrape costs no query and two Prometheus servers scraping
 * cost no more than one. Until the first refresh a gauge reads NaN ("not known yet"), and it keeps its last value when
 * a refresh fails (logged), so a store outage shows as stale numbers and a log line rather than a gap.
 */
public class RefreshedGauges implements SmartLifecycle {

    /** Sets the values of the gauges it was given; runs on the refresh thread. */
    @FunctionalInterface
    public interface Refresher {
        void refresh(Values values);
    }

    /** The gauges' current values, set by a refresher: {@code set(name, tags, value)}. */
    public static final class Values {
        private final RefreshedGauges gauges;

        private Values(RefreshedGauges gauges) {
            this.gauges = gauges;
        }

        public void set(String name, Tags tags, double value) {
            gauges.holder(name, tags).set(value);
        }
    }

    private record Declared(String name, Tags tags, AtomicReference<Double> value) {
    }

    private static final Logger log = LoggerFactory.getLogger(RefreshedGauges.class);

    private final MeterRegistry registry;
    private final Duration interval;
    private final List<Refresher> refreshers = new ArrayList<>();
    private final List<Declared> declared = new ArrayList<>();
    private final java.util.Map<String, String> descriptions = new java.util.HashMap<>();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public RefreshedGauges(MeterRegistry registry, Duration interval) {
        this.registry = registry;
        this.interval = interval;
    }

    /** Declares a gauge (its name, tags and what it measures) so it is scraped, as NaN, before the first refresh. */
    public synchronized RefreshedGauges declare(String name, String description, Tags tags) {
        descriptions.put(name, description);
        holder(name, tags);
        return this;
    }

    public synchronized void add(Refresher refresher) {
        refreshers.add(refresher);
    }

    /** Runs every refresher once, now; what the schedule does each interval. */
    public void refreshNow() {
        List<Refresher> all;
        synchronized (this) {
            all = List.copyOf(refreshers);
        }
        Values values = new Values(this);
        for (Refresher refresher : all) {
            try {
                refresher.refresh(values);
            } catch (RuntimeException e) {
                // the gauges keep their last values: the next interval tries again
                log.warn("metrics refresh by {} failed: {}", refresher, e.toString());
            }
        }
    }

    private synchronized AtomicReference<Double> holder(String name, Tags tags) {
        for (Declared gauge : declared) {
            if (gauge.name().equals(name) && gauge.tags().equals(tags)) {
                return gauge.value();
            }
        }
        AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
        Gauge.builder(name, value, AtomicReference::get).tags(tags).description(descriptions.get(name))
                .register(registry);
        declared.add(new Declared(name, tags, value));
        return value;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        // the first refresh soon after the start, not at once: the start-up's own work comes first
        long millis = interval.toMillis();
        executor.scheduleWithFixedDelay(this::refreshNow, Math.min(millis, 1000), millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
