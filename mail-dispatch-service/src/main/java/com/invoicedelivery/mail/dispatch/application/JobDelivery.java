package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.mail.dispatch.domain.AttemptOutcome;
import com.invoicedelivery.mail.dispatch.domain.BounceAddresses;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.RetryPolicy;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.emaillog.domain.LoggedEmail;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.MessageSigning;
import com.invoicedelivery.mail.message.application.PreparedEmail;
import com.invoicedelivery.mail.message.domain.MessagePreparationException;
import com.invoicedelivery.mail.message.domain.SenderAddresses;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.application.SmtpServerUnavailableException;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

/**
 * One attempt at a claimed job: look up the job's SMTP server (a tenant's credentials are read now, never kept with
 * the job), compose the e-mail (fetching and checking the PDF in attachment mode; DKIM-signed when it goes through
 * the platform's server and signing is configured), hand it to the server, keep it in the e-mail log when the
 * server took it (its copy with the link's token hidden, and the SHA-256 of the bytes sent), and record the outcome.
 */
public class JobDelivery {

    private static final Logger log = LoggerFactory.getLogger(JobDelivery.class);

    private final MessageComposer composer;
    private final MessageSigning signing;
    private final MailTransport transport;
    private final SmtpServerDirectory servers;
    private final SealedLinks links;
    private final EmailLog emailLog;
    private final JobTransitions transitions;
    private final RetryPolicy retryPolicy;
    private final Clock clock;
    private final String platformDomain;
    private final String bounceDomain;

    /**
     * @param bounceDomain where reports about mail through the platform's server come back (the envelope sender is
     *                     {@code bounces+<job's token>@<bounceDomain>}); null: the From address, and no report is read
     */
    public JobDelivery(MessageComposer composer, MessageSigning signing, MailTransport transport,
                       SmtpServerDirectory servers, SealedLinks links, EmailLog emailLog,
                       JobTransitions transitions, RetryPolicy retryPolicy, Clock clock, String platformDomain,
                       String bounceDomain) {
        this.composer = composer;
        this.signing = signing;
        this.transport = transport;
        this.servers = servers;
        this.links = links;
        this.emailLog = emailLog;
        this.transitions = transitions;
        this.retryPolicy = retryPolicy;
        this.clock = clock;
        this.platformDomain = platformDomain;
        this.bounceDomain = bounceDomain;
    }

    /**
     * @param job a job this worker has just claimed (SENDING)
     * @return false when it was not tried: its tenant's server has as many connections from the platform's replicas
     *         as it may have, and the job went back to the queue as it was (no attempt counted, nothing published)
     */
    public boolean deliver(DispatchJob job) {
        Optional<AttemptOutcome> outcome = attempt(job);
        if (outcome.isEmpty()) {
            transitions.putBack(job);
            return false;
        }
        transitions.apply(job, retryPolicy.after(job, outcome.get(), clock.instant()));
        return true;
    }

    /** Empty when the server had no connection slot free. */
    private Optional<AttemptOutcome> attempt(DispatchJob job) {
        SmtpServer server;
        PreparedEmail email;
        try {
            server = servers.resolve(job.smtpServer());
            // the link is opened only now, for this composition, and kept nowhere in clear
            String linkUrl = job.letter().carriesLink() ? links.open(job) : null;
            email = composer.compose(job.letter(), linkUrl, fromAddress(server, job), job.messageId(),
                    clock.instant());
            if (server.isPlatform()) {
                email = signing.signedForPlatform(email, clock.instant());
            }
        } catch (SealedLinks.InvalidSealedLinkException e) {
            return Optional.of(AttemptOutcome.permanentFailure(e.getMessage(), null));
        } catch (SmtpServerUnavailableException e) {
            return Optional.of(AttemptOutcome.temporaryFailure(e.getMessage(), null));
        } catch (MessagePreparationException e) {
            return Optional.of(e.isTemporary() ? AttemptOutcome.temporaryFailure(e.getMessage(), null)
                    : AttemptOutcome.permanentFailure(e.getMessage(), null));
        } catch (DataAccessResourceFailureException | TransientDataAccessException
                 | RecoverableDataAccessException e) {
            // the store did not answer (stopped, restarting, a connection cut: fault scenario 6 found a job failed
            // for good this way): nothing is wrong with the job, and the retry policy bounds how long it is tried
            log.warn("job {}: the store did not answer while the e-mail was prepared; tried again later: {}",
                    job.id(), e.toString());
            return Optional.of(AttemptOutcome.temporaryFailure(
                    "the platform's store did not answer while the e-mail was prepared", null));
        } catch (RuntimeException e) {
            log.error("job {}: the e-mail cannot be composed", job.id(), e);
            return Optional.of(AttemptOutcome.permanentFailure(
                    "the e-mail could not be composed (the error is logged for the operators)", null));
        }
        SmtpOutcome smtp = transport.send(server, email.message(envelopeSender(server, job)));
        if (smtp.noSlot()) {
            log.debug("job {}: not tried now: {}", job.id(), smtp.problem());
            return Optional.empty();
        }
        AttemptOutcome outcome = AttemptOutcome.of(smtp, server.address());
        if (outcome.delivered()) {
            keep(job, email, smtp);
        }
        return Optional.of(outcome);
    }

    /**
     * The job's own bounce address, for mail through the platform's server only: a tenant's server sends from the
     * tenant's domain, and its reports go to the tenant, who owns that domain.
     */
    private String envelopeSender(SmtpServer server, DispatchJob job) {
        if (!server.isPlatform() || bounceDomain == null || job.bounceToken() == null) {
            return null;
        }
        return BounceAddresses.of(job.bounceToken(), bounceDomain);
    }

    private String fromAddress(SmtpServer server, DispatchJob job) {
        return server.fromAddress() != null ? server.fromAddress()
                : SenderAddresses.platformDefault(job.letter().subdomain(), platformDomain);
    }

    /** The e-mail went out: failing to log it must not make it look unsent (and be sent again). */
    private void keep(DispatchJob job, PreparedEmail email, SmtpOutcome smtp) {
        Instant now = clock.instant();
        LoggedEmail logged = LoggedEmail.sent(job.id(), job.tenantId(), job.clientId(), job.invoiceId(),
                job.sendId(), job.recipientId(), email.from(), email.to(), email.subject(), email.messageId(), now,
                smtp.reply(), job.attempt(), job.outcomeUnknown(), email.sha256(),
                email.source().length, email.linkHidden());
        try {
            // the log keeps the copy with the link's token hidden, an attached PDF by reference (pdf-service keeps
            // it); its sha256 and size are of the bytes sent
            emailLog.record(logged, email.loggedCopy());
        } catch (RuntimeException e) {
            log.error("job {}: sent as {}, but the e-mail log could not keep it", job.id(), job.messageId(), e);
        }
    }
}
