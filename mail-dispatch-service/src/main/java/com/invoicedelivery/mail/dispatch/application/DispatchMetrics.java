package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.invoicedelivery.kit.metrics.PlatformMetricsConfiguration;
import com.invoicedelivery.kit.metrics.RefreshedGauges;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.Transition;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;

/**
 * The dispatch queue's meters (docs/ARCHITECTURE.md, "Metrics"). Servers are told apart by class only,
 * {@code platform} or {@code tenant}: a tag per tenant's server would be a series per tenant.
 */
public class DispatchMetrics {

    static final String ATTEMPTS = "mail.dispatch.attempts";
    static final String ACCEPTANCE = "mail.dispatch.acceptance";
    static final String QUEUE_WAITING = "mail.dispatch.queue.waiting";
    static final String QUEUE_DUE = "mail.dispatch.queue.due";
    static final String QUEUE_OLDEST_DUE_AGE = "mail.dispatch.queue.oldest.due.age.seconds";

    private final MeterRegistry registry;

    public DispatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An attempt's outcome as recorded (delivered, deferred, given up, interrupted). */
    void recorded(DispatchJob job, Transition transition, Instant now) {
        String serverClass = serverClass(job.smtpServer());
        Counter.builder(ATTEMPTS).description("dispatch attempts by outcome, SMTP reply class and server class")
                .tags("outcome", transition.state().name().toLowerCase(java.util.Locale.ROOT),
                        "reply_class", replyClass(transition.reply()), "server_class", serverClass)
                .register(registry).increment();
        if (transition.state() == JobState.SENT && job.createdAt() != null) {
            Timer.builder(ACCEPTANCE)
                    .description("from the job's creation (the document ready) to the SMTP server's acceptance")
                    .tags("server_class", serverClass)
                    // buckets for histogram_quantile: a retried job may take hours, a first attempt well under a second
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(50))
                    .maximumExpectedValue(Duration.ofHours(12))
                    .register(registry).record(Duration.between(job.createdAt(), now));
        }
    }

    /** The queue gauges, per server class, refreshed on the kit's schedule through the index {@code due}. */
    public static void addQueueGauges(RefreshedGauges gauges, JobStore jobs, Clock clock) {
        for (String serverClass : new String[] {"platform", "tenant"}) {
            Tags tags = Tags.of("server_class", serverClass);
            gauges.declare(QUEUE_WAITING, "jobs waiting for an attempt, due or not", tags);
            gauges.declare(QUEUE_DUE, "jobs due now and not yet taken by a worker", tags);
            gauges.declare(QUEUE_OLDEST_DUE_AGE, "how long the longest-due job has been due (0 when none is)", tags);
        }
        gauges.add(values -> {
            for (boolean platform : new boolean[] {true, false}) {
                Tags tags = Tags.of("server_class", platform ? "platform" : "tenant");
                JobStore.QueueFigures figures = jobs.queueFigures(platform, clock.instant());
                values.set(QUEUE_WAITING, tags, figures.waiting());
                values.set(QUEUE_DUE, tags, figures.due());
                values.set(QUEUE_OLDEST_DUE_AGE, tags, PlatformMetricsConfiguration.ageSeconds(figures.oldestDueAt(),
                        clock));
            }
        });
    }

    static String serverClass(String reference) {
        return SmtpServer.PLATFORM.equals(reference) ? "platform" : "tenant";
    }

    /** {@code 2xx}, {@code 4xx}, {@code 5xx} from the reply's code; {@code none} when no server replied. */
    static String replyClass(String reply) {
        if (reply == null || reply.isEmpty() || !Character.isDigit(reply.charAt(0))) {
            return "none";
        }
        return reply.charAt(0) + "xx";
    }
}
