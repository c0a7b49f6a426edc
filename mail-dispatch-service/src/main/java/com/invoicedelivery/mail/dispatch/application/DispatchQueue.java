package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Recipient;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.kit.observability.Traces;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.message.domain.RecipientEmail;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a rendered send into one dispatch job per recipient. Idempotent: a job's id is its send and recipient, so a
 * redelivered event finds its jobs there and creates nothing. Each job gets its Message-ID here, once, before any
 * attempt.
 */
public class DispatchQueue {

    private static final Logger log = LoggerFactory.getLogger(DispatchQueue.class);

    private final JobStore jobs;
    private final SmtpServerDirectory servers;
    private final DispatchWorkers workers;
    private final SealedLinks links;
    private final Clock clock;
    private final String platformDomain;
    private Traces traces = Traces.NONE;

    public DispatchQueue(JobStore jobs, SmtpServerDirectory servers, DispatchWorkers workers, SealedLinks links,
                         Clock clock, String platformDomain) {
        this.jobs = jobs;
        this.servers = servers;
        this.workers = workers;
        this.links = links;
        this.clock = clock;
        this.platformDomain = platformDomain;
    }

    /** Each job keeps the trace of the record that made it, which its attempts continue. */
    public DispatchQueue tracing(Traces traces) {
        this.traces = traces;
        return this;
    }

    /**
     * @return how many jobs were created (0 for a redelivery)
     * @throws MalformedRecordException when the record cannot become jobs, e.g. a link this service cannot open
     *         (sealed to another key): it goes to the dead-letter topic with the reason, and no job is made
     */
    public int enqueue(InvoiceDocumentReady event) {
        SendDetails send = wellFormed(event);
        List<String> sealedLinks = sealedLinks(event, send);
        Instant now = clock.instant();
        String server = servers.serverFor(event.tenantId());
        List<DispatchJob> queued = new ArrayList<>();
        for (int i = 0; i < send.recipients().size(); i++) {
            Recipient recipient = send.recipients().get(i);
            queued.add(DispatchJob.queued(event.tenantId(), send.sendId(), send.invoiceId(), send.clientId(),
                    recipient.recipientId(), server, MessageIds.newMessageId(platformDomain),
                    letter(send, recipient, sealedLinks.get(i), event.document()), now)
                    .tracedBy(traces.currentTraceparent()));
        }
        refuseJobsOfAnotherTenant(event, queued);
        int created = 0;
        for (DispatchJob job : queued) {
            if (jobs.insertIfAbsent(job)) {
                created++;
            }
        }
        if (created > 0) {
            log.info("send {}: {} e-mail(s) queued", send.sendId(), created);
            workers.kick();
        } else {
            log.info("send {} was queued before; redelivery ignored", send.sendId());
        }
        return created;
    }

    /**
     * Each recipient's sealed link, checked before any job is stored (all or none); a link that came in clear (schema
     * version 1, written before the upgrade) is sealed to this service's own key first, so no job keeps it in clear.
     */
    private List<String> sealedLinks(InvoiceDocumentReady event, SendDetails send) {
        List<String> sealed = new ArrayList<>();
        for (Recipient recipient : send.recipients()) {
            if (send.mode() == DeliveryMode.ATTACHMENT) {
                sealed.add(null);
                continue;
            }
            try {
                sealed.add(event.carriesClearLinks()
                        ? links.sealClear(event.tenantId(), send.sendId(), recipient.recipientId(), recipient.linkUrl())
                        : links.checked(event.tenantId(), send.sendId(), recipient.recipientId(),
                                recipient.sealedLink()));
            } catch (SealedLinks.InvalidSealedLinkException e) {
                throw new MalformedRecordException("send " + send.sendId() + ": " + e.getMessage(), e);
            }
        }
        return sealed;
    }

    /**
     * A job's id is its send's and recipient's, whatever the tenant: an event whose tenant is not the one of a job it
     * names is not a redelivery but forged or misrouted. It changes nothing and goes to the dead-letter topic.
     */
    private void refuseJobsOfAnotherTenant(InvoiceDocumentReady event, List<DispatchJob> queued) {
        for (DispatchJob job : queued) {
            jobs.find(job.id()).filter(stored -> !stored.tenantId().equals(event.tenantId())).ifPresent(stored -> {
                throw new MalformedRecordException("event " + event.eventId() + " names tenant " + event.tenantId()
                        + ", but send " + job.sendId() + " is another tenant's: nothing changed");
            });
        }
    }

    static RecipientEmail letter(SendDetails send, Recipient recipient, String sealedLink, DocumentRef document) {
        Sender sender = send.sender();
        InvoiceSnapshot invoice = send.invoice();
        return new RecipientEmail(sender.tenantName(), sender.subdomain(), sender.replyTo(), recipient.email(),
                sealedLink, send.subject(), send.message(), send.language(), send.mode(),
                invoice == null ? null : invoice.kind(), invoice == null ? null : invoice.number(), document);
    }

    private static SendDetails wellFormed(InvoiceDocumentReady event) {
        if (event == null || event.send() == null || blank(event.send().sendId())) {
            throw new MalformedRecordException("the document-ready record names no send");
        }
        SendDetails send = event.send();
        if (!event.hasKnownVersion()) {
            throw new MalformedRecordException("send " + send.sendId() + ": schema version " + event.schemaVersion()
                    + " is not one this service reads (1, 2)");
        }
        if (blank(event.tenantId())) {
            throw new MalformedRecordException("send " + send.sendId() + " names no tenant");
        }
        if (send.sender() == null) {
            throw new MalformedRecordException("send " + send.sendId() + " names no sender");
        }
        if (send.language() == null) {
            // its labels and Content-Language must be the send's, never a guess
            throw new MalformedRecordException("send " + send.sendId() + " names no language");
        }
        if (send.recipients() == null || send.recipients().isEmpty()) {
            throw new MalformedRecordException("send " + send.sendId() + " names no recipients");
        }
        if (send.recipients().stream().anyMatch(r -> r == null || blank(r.recipientId()))) {
            throw new MalformedRecordException("send " + send.sendId() + " has a recipient without an id");
        }
        return send;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
