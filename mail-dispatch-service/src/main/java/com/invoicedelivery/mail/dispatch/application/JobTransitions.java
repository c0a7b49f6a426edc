package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.Transition;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves a claimed job to its next state and publishes the change ({@code EmailDeliveryStatusChanged} on
 * {@code mail.delivery-status}) through the job's outbox: state and event in one write.
 */
public class JobTransitions {

    private static final Logger log = LoggerFactory.getLogger(JobTransitions.class);

    private final JobStore jobs;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final DispatchMetrics metrics;
    private final AttemptLog attempts;

    /**
     * Where each recorded attempt's outcome is written down besides the job: the e-mail log, so a failed or deferred
     * e-mail is listed too. A failure to write it is logged and changes nothing else.
     */
    @FunctionalInterface
    public interface AttemptLog {
        void recorded(DispatchJob job, Transition transition, Instant at);
    }

    public JobTransitions(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, Clock clock,
                          DispatchMetrics metrics) {
        this(jobs, outbox, relay, clock, metrics, (job, transition, at) -> { });
    }

    public JobTransitions(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, Clock clock,
                          DispatchMetrics metrics, AttemptLog attempts) {
        this.jobs = jobs;
        this.attempts = attempts;
        this.metrics = metrics;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** @return false when the job's claim was lost meanwhile (nothing changed) */
    public boolean apply(DispatchJob claimed, Transition transition) {
        Instant now = clock.instant();
        // a notice to the tenant is no recipient of the send: invoice-service has no status of it to follow
        OutboxEntry event = claimed.letter().notice() ? null
                : outbox.of(event(claimed, transition, now), Topics.DELIVERY_STATUS);
        if (!jobs.apply(claimed, transition, now, event)) {
            log.warn("job {}: the claim of attempt {} was lost meanwhile (its lease ran out and the job was taken"
                    + " over); {} is not recorded", claimed.id(), claimed.attempt(), transition.state());
            return false;
        }
        logTransition(claimed, transition);
        metrics.recorded(claimed, transition, now);
        relay.kick(JobStore.COLLECTION, claimed.id());
        try {
            attempts.recorded(claimed, transition, now);
        } catch (RuntimeException e) {
            log.error("job {}: attempt {} ended {}, but the e-mail log could not list it", claimed.id(),
                    claimed.attempt(), transition.state(), e);
        }
        return true;
    }

    /**
     * Puts a claimed job back in the queue untried (its server had no connection slot free): no attempt counted,
     * nothing published, due as before.
     */
    public void putBack(DispatchJob claimed) {
        if (!jobs.putBack(claimed)) {
            log.warn("job {}: the claim of attempt {} was lost before it could be put back", claimed.id(),
                    claimed.attempt());
        }
    }

    static EmailDeliveryStatusChanged event(DispatchJob job, Transition transition, Instant now) {
        return new EmailDeliveryStatusChanged(UUID.randomUUID().toString(), now, job.tenantId(),
                EmailDeliveryStatusChanged.SCHEMA_VERSION, job.sendId(), job.invoiceId(), job.recipientId(),
                job.letter().recipientEmail(), transition.state().publishedStatus(), job.messageId(),
                transition.reply(), job.attempt(),
                transition.state() == JobState.DEFERRED ? transition.nextAttemptAt() : null, transition.reason());
    }

    private static void logTransition(DispatchJob job, Transition transition) {
        switch (transition.state()) {
            case SENT -> log.info("job {}: sent {} on attempt {} ({})", job.id(), job.messageId(), job.attempt(),
                    transition.reply());
            case DEFERRED -> log.info("job {}: attempt {} deferred until {}: {}", job.id(), job.attempt(),
                    transition.nextAttemptAt(), transition.reason());
            default -> log.warn("job {}: {} after attempt {}: {}", job.id(), transition.state(), job.attempt(),
                    transition.reason());
        }
    }
}
