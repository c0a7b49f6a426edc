package com.invoicedelivery.kit.metrics;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import com.invoicedelivery.kit.deadletter.DeadLetterQueue;
import com.invoicedelivery.kit.deadletter.DeadLetterReplay;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The meters every service shares, beside Boot's own (HTTP, JVM, Kafka clients) and the binder's consumer lag: the
 * outbox backlog per collection and the dead letters waiting per binding, as gauges refreshed on a schedule
 * ({@link RefreshedGauges}). Every meter carries the tag {@code service} ({@code management.metrics.tags.service});
 * no meter carries the tenant: tenants are unbounded, and a label per tenant would multiply every series by them
 * (docs/ARCHITECTURE.md, "Metrics").
 */
@AutoConfiguration
@EnableConfigurationProperties(PlatformMetricsProperties.class)
public class PlatformMetricsConfiguration {

    public static final String OUTBOX_PENDING = "outbox.pending.documents";
    public static final String OUTBOX_OLDEST_AGE = "outbox.oldest.age";
    public static final String DEAD_LETTERS_WAITING = "dead.letters.waiting";

    @Bean
    RefreshedGauges refreshedGauges(MeterRegistry registry, PlatformMetricsProperties metrics,
                                    ObjectProvider<OutboxRelay> relay, ObjectProvider<DeadLetterReplay> deadLetters) {
        RefreshedGauges gauges = new RefreshedGauges(registry, metrics.refreshInterval());
        relay.ifAvailable(outbox -> addOutbox(gauges, outbox, metrics.outboxSample(), Clock.systemUTC()));
        deadLetters.ifAvailable(replay -> addDeadLetters(gauges, replay, metrics.deadLetterInterval()));
        return gauges;
    }

    static void addOutbox(RefreshedGauges gauges, OutboxRelay relay, int sample, Clock clock) {
        for (String collection : relay.collections()) {
            Tags tags = Tags.of("collection", collection);
            gauges.declare(OUTBOX_PENDING, "documents whose outbox holds events not yet published", tags);
            gauges.declare(OUTBOX_OLDEST_AGE + ".seconds",
                    "age of the oldest event waiting in an outbox (0 when none waits)", tags);
        }
        gauges.add(values -> {
            for (String collection : relay.collections()) {
                Tags tags = Tags.of("collection", collection);
                OutboxRelay.Backlog backlog = relay.backlog(collection, sample);
                values.set(OUTBOX_PENDING, tags, backlog.pendingDocuments());
                values.set(OUTBOX_OLDEST_AGE + ".seconds", tags, ageSeconds(backlog.oldestEntryAt(), clock));
            }
        });
    }

    /** Counted once per {@code interval}, the first time one interval after the start. */
    static void addDeadLetters(RefreshedGauges gauges, DeadLetterReplay replay, Duration interval) {
        AtomicReference<Instant> due = new AtomicReference<>(Instant.now().plus(interval));
        gauges.add(values -> {
            if (Instant.now().isBefore(due.get())) {
                return;
            }
            due.set(Instant.now().plus(interval));
            for (DeadLetterQueue queue : replay.queues()) {
                gauges.declare(DEAD_LETTERS_WAITING, "dead letters waiting for a replay",
                        Tags.of("binding", queue.binding()));
                values.set(DEAD_LETTERS_WAITING, Tags.of("binding", queue.binding()), queue.waiting());
            }
        });
    }

    /** Seconds since {@code at}, 0 when nothing waits: an empty queue is as young as it gets. */
    public static double ageSeconds(Instant at, Clock clock) {
        return at == null ? 0 : Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0);
    }
}
