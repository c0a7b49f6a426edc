package com.invoicedelivery.mail.bounce.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.mail.bounce.domain.InboundReport;
import com.invoicedelivery.mail.dispatch.domain.BounceAddresses;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a report that came back to a bounce address: finds the job by the address's token, checks that the report is
 * about that job's e-mail (its recipient, and its Message-ID where the report quotes it), and records it once: on the
 * job with {@link EmailBounced} in its outbox (one write), then in the e-mail log (BOUNCED for a permanent failure).
 * A report that matches no job, or names another recipient or e-mail than its token's, changes nothing: it is only
 * counted ({@code mail_inbound_reports_total}) and logged, so a forger learns nothing and moves no status.
 */
public class BounceIntake {

    static final String METER = "mail.inbound.reports";

    private static final Logger log = LoggerFactory.getLogger(BounceIntake.class);

    private final ReportReader reader;
    private final JobStore jobs;
    private final EmailLog emailLog;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry registry;
    private final String domain;

    public BounceIntake(ReportReader reader, JobStore jobs, EmailLog emailLog, OutboxEntries outbox, OutboxRelay relay,
                        Clock clock, MeterRegistry registry, String domain) {
        this.reader = reader;
        this.jobs = jobs;
        this.emailLog = emailLog;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
        this.registry = registry;
        this.domain = domain;
    }

    /** What became of a report; each is counted under its own {@code result} tag. */
    public enum Result {
        /** A permanent failure: the recipient is BOUNCED. */
        HARD,
        /** A delay or transient failure: noted. */
        SOFT,
        /** A complaint: noted, and the address suppressed by the tenant's sends. */
        COMPLAINT,
        /** The same report again: nothing changed. */
        DUPLICATE,
        /** A report of success (delivered, relayed, expanded): nothing to record. */
        IGNORED,
        /** No job has the token (or there is none): nothing changed. */
        UNMATCHED,
        /** The token's job, but another recipient or e-mail: nothing changed. */
        FORGED,
        /** Not a DSN or ARF report: nothing changed. */
        UNREADABLE
    }

    /**
     * @param envelopeRecipient the address the report was sent to (a bounce address of the domain)
     * @param raw               the report as received
     */
    public Result receive(String envelopeRecipient, byte[] raw) {
        Result result = take(envelopeRecipient, raw);
        Counter.builder(METER).description("reports (bounces, complaints) received on the bounce domain, by result")
                .tag("result", result.name().toLowerCase(java.util.Locale.ROOT)).register(registry).increment();
        return result;
    }

    private Result take(String envelopeRecipient, byte[] raw) {
        Optional<InboundReport> read = reader.read(raw);
        Optional<String> token = BounceAddresses.tokenIn(envelopeRecipient, domain);
        if (read.isEmpty()) {
            log.info("a message to {} is no delivery report or complaint; ignored", envelopeRecipient);
            return Result.UNREADABLE;
        }
        InboundReport report = read.get();
        if (token.isEmpty()) {
            // a feedback loop writes to its own registered address; the complained-about e-mail's envelope is quoted
            token = BounceAddresses.tokenIn(report.originalReturnPath(), domain);
        }
        Optional<DispatchJob> found = token.flatMap(jobs::findByBounceToken);
        if (found.isEmpty()) {
            log.warn("report {} to {} matches no e-mail sent; nothing changed", report.reportId(), envelopeRecipient);
            return Result.UNMATCHED;
        }
        DispatchJob job = found.get();
        if (report.originalMessageId() != null && !report.originalMessageId().equals(job.messageId())) {
            log.warn("report {} came to the bounce address of job {}, but is about e-mail {}, not {}; nothing changed",
                    report.reportId(), job.id(), report.originalMessageId(), job.messageId());
            return Result.FORGED;
        }
        String sentTo = job.letter().recipientEmail();
        Optional<InboundReport.Recipient> about = report.recipients().stream()
                .filter(recipient -> recipient.names(sentTo)
                        || (recipient.kind() == BounceKind.COMPLAINT && recipient.address() == null))
                .findFirst();
        if (about.isEmpty()) {
            log.warn("report {} came to the bounce address of job {}, but names {}, not its recipient; nothing"
                    + " changed", report.reportId(), job.id(), addresses(report.recipients()));
            return Result.FORGED;
        }
        InboundReport.Recipient recipient = about.get();
        if (recipient.kind() == null) {
            return Result.IGNORED;
        }
        return record(job, report, recipient);
    }

    private Result record(DispatchJob job, InboundReport report, InboundReport.Recipient recipient) {
        Instant now = clock.instant();
        String reportKey = Sha256.hex(report.reportId() + "|" + recipient.kind() + "|" + recipient.status());
        EmailBounced event = new EmailBounced(UUID.randomUUID().toString(), now, job.tenantId(),
                EmailBounced.SCHEMA_VERSION, job.sendId(), job.invoiceId(), job.recipientId(),
                job.letter().recipientEmail(), job.messageId(), recipient.kind(), recipient.status(),
                recipient.reason(), report.reportingMta(), reportKey);
        Document last = new Document("kind", recipient.kind().name()).append("status", recipient.status())
                .append("reason", recipient.reason()).append("reportingMta", report.reportingMta())
                .append("at", java.util.Date.from(now));
        if (!jobs.recordReport(job.id(), reportKey, last, outbox.of(event, Topics.BOUNCES))) {
            log.info("report {} about job {} was recorded before; nothing changed", report.reportId(), job.id());
            return Result.DUPLICATE;
        }
        relay.kick(JobStore.COLLECTION, job.id());
        log.info("job {}: {} report from {}: {} {}", job.id(), recipient.kind(), report.reportingMta(),
                recipient.status(), recipient.reason());
        try {
            if (!emailLog.addReport(job.tenantId(), job.id(), new LoggedEmail.DeliveryReport(recipient.kind().name(),
                    recipient.status(), recipient.reason(), report.reportingMta(), now),
                    recipient.kind() == BounceKind.HARD)) {
                log.warn("job {}: the e-mail log has no entry for it; the report is on the job and the bus only",
                        job.id());
            }
        } catch (RuntimeException e) {
            log.error("job {}: the report is recorded and announced, but the e-mail log could not keep it", job.id(),
                    e);
        }
        return switch (recipient.kind()) {
            case HARD -> Result.HARD;
            case SOFT -> Result.SOFT;
            case COMPLAINT -> Result.COMPLAINT;
        };
    }

    private static String addresses(List<InboundReport.Recipient> recipients) {
        return recipients.stream().map(InboundReport.Recipient::address).toList().toString();
    }
}
