package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.problem.NotFoundException;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.JobState;
import com.invoicedelivery.mail.dispatch.domain.RetryNowResult;
import com.invoicedelivery.mail.dispatch.domain.RetryNowResult.JobRetry;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Retry now": makes jobs waiting for a later attempt (DEFERRED, OUTCOME_UNKNOWN) due at once, e.g. after the tenant
 * fixed its server. Each job is changed by one conditional write that also appends an
 * {@code EmailDeliveryStatusChanged} naming who asked (so the send's timeline shows it), and only while it still
 * waits: a repeated request finds it due and changes nothing more, saying so. The job keeps its Message-ID, as every
 * retry does. Always within one tenant: another tenant's send is not found.
 */
public class RetryNow {

    /** The most jobs of one server one request makes due; the answer says when there are more. */
    public static final int MAX_JOBS_PER_REQUEST = 500;

    private static final Logger log = LoggerFactory.getLogger(RetryNow.class);

    private final JobStore jobs;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final DispatchWorkers workers;
    private final Clock clock;

    public RetryNow(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, DispatchWorkers workers, Clock clock) {
        this.jobs = jobs;
        this.outbox = outbox;
        this.relay = relay;
        this.workers = workers;
        this.clock = clock;
    }

    /** @throws NotFoundException when the tenant has no e-mail of this send to this recipient */
    public RetryNowResult recipient(String tenantId, String sendId, String recipientId, String requestedBy) {
        DispatchJob job = jobs.find(DispatchJob.idOf(sendId, recipientId))
                .filter(found -> found.tenantId().equals(tenantId))
                .orElseThrow(() -> new NotFoundException("E-mail of send " + sendId + " to recipient", recipientId));
        return retry(List.of(job), requestedBy, false);
    }

    /** @throws NotFoundException when the tenant has no e-mail of this send */
    public RetryNowResult send(String tenantId, String sendId, String requestedBy) {
        List<DispatchJob> ofSend = jobs.forSend(tenantId, sendId);
        if (ofSend.isEmpty()) {
            throw new NotFoundException("Send", sendId);
        }
        return retry(ofSend, requestedBy, false);
    }

    /** Every waiting job of the tenant's own SMTP server (at most {@link #MAX_JOBS_PER_REQUEST} at once). */
    public RetryNowResult tenantServer(String tenantId, String requestedBy) {
        List<DispatchJob> waiting = jobs.waitingForServer(SmtpServer.ofTenant(tenantId), clock.instant(),
                MAX_JOBS_PER_REQUEST + 1);
        boolean more = waiting.size() > MAX_JOBS_PER_REQUEST;
        return retry(more ? waiting.subList(0, MAX_JOBS_PER_REQUEST) : waiting, requestedBy, more);
    }

    private RetryNowResult retry(List<DispatchJob> candidates, String requestedBy, boolean more) {
        Instant now = clock.instant();
        List<JobRetry> answers = new ArrayList<>();
        for (DispatchJob job : candidates) {
            boolean waiting = (job.state() == JobState.DEFERRED || job.state() == JobState.OUTCOME_UNKNOWN)
                    && job.nextAttemptAt() != null && job.nextAttemptAt().isAfter(now);
            if (waiting && jobs.makeDue(job.id(), now, requestedBy,
                    outbox.of(event(job, now, requestedBy), Topics.DELIVERY_STATUS))) {
                relay.kick(JobStore.COLLECTION, job.id());
                log.info("job {}: retry now, asked by {} (attempt {} was {})", job.id(), requestedBy, job.attempt(),
                        job.state());
                answers.add(new JobRetry(job.sendId(), job.recipientId(), job.messageId(), job.state(), now, true,
                        "due now; the next attempt keeps Message-ID " + job.messageId()));
            } else {
                DispatchJob current = waiting ? jobs.find(job.id()).orElse(job) : job;
                answers.add(new JobRetry(job.sendId(), job.recipientId(), job.messageId(), current.state(),
                        current.state().isFinal() ? null : current.nextAttemptAt(), false,
                        RetryNowResult.noteFor(current, now)));
            }
        }
        RetryNowResult result = RetryNowResult.of(answers, more);
        if (result.retried() > 0) {
            workers.kick();
        }
        return result;
    }

    /** The job's status repeated, due now, with who asked: the send's timeline records the request. */
    static EmailDeliveryStatusChanged event(DispatchJob job, Instant now, String requestedBy) {
        return new EmailDeliveryStatusChanged(UUID.randomUUID().toString(), now, job.tenantId(),
                EmailDeliveryStatusChanged.SCHEMA_VERSION, job.sendId(), job.invoiceId(), job.recipientId(),
                job.letter().recipientEmail(), job.state().publishedStatus(), job.messageId(), job.lastReply(),
                job.attempt(), job.state() == JobState.DEFERRED ? now : null, job.lastReason(), requestedBy);
    }
}
