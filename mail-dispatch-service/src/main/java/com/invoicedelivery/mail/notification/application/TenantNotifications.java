package com.invoicedelivery.mail.notification.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.mail.dispatch.application.DispatchWorkers;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.message.domain.RecipientEmail;
import com.invoicedelivery.mail.notification.domain.ClientAnswerNotice;
import com.invoicedelivery.mail.notification.domain.NotificationSettings;
import com.invoicedelivery.mail.notification.domain.NotificationSettingsChange;
import com.invoicedelivery.mail.notification.persistence.NotificationSettingsStore;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells a tenant that its client accepted or returned a document: one e-mail per notification address, queued as
 * dispatch jobs and sent like every e-mail (the same queue, retries, server and e-mail log). What the notice says
 * comes from the invoice e-mail's own job (the tenant's name and company e-mail, the document, the client's
 * address), so it needs nothing from invoice-service. Idempotent: each notice job's id is its send, recipient,
 * answer and address's place, so a redelivered event (or a replay) finds the jobs it made before and makes none.
 */
public class TenantNotifications {

    private static final Logger log = LoggerFactory.getLogger(TenantNotifications.class);

    private final NotificationSettingsStore settings;
    private final JobStore jobs;
    private final SmtpServerDirectory servers;
    private final DispatchWorkers workers;
    private final Clock clock;
    private final String platformDomain;
    private final ZoneId zone;

    public TenantNotifications(NotificationSettingsStore settings, JobStore jobs, SmtpServerDirectory servers,
                               DispatchWorkers workers, Clock clock, String platformDomain, ZoneId zone) {
        this.settings = settings;
        this.jobs = jobs;
        this.servers = servers;
        this.workers = workers;
        this.clock = clock;
        this.platformDomain = platformDomain;
        this.zone = zone;
    }

    /** The tenant's settings, or the defaults when it never changed them. */
    public NotificationSettings settingsOf(String tenantId) {
        return settings.find(tenantId).orElseGet(() -> NotificationSettings.defaults(tenantId));
    }

    /**
     * @throws com.invoicedelivery.mail.notification.domain.InvalidNotificationSettingsException nothing stored
     */
    public NotificationSettings change(String tenantId, NotificationSettingsChange change) {
        NotificationSettings changed = change.validated(tenantId, clock.instant());
        settings.save(changed);
        return changed;
    }

    /**
     * A client's step from {@code tracking.events}: Accept and Return are notified (when the tenant wants them),
     * every other step is not this service's business.
     *
     * @return how many notice e-mails were queued (0 for a redelivery, a step not notified, or a notice turned off)
     * @throws MalformedRecordException when the record names no send or recipient, or a send of another tenant
     */
    public int notifyTenant(ClientActivityRecorded event) {
        if (event == null || event.activity() == null || event.countsAFold()) {
            return 0;
        }
        if (event.activity() != ClientActivity.ACCEPTED && event.activity() != ClientActivity.RETURNED) {
            return 0;
        }
        if (blank(event.tenantId()) || blank(event.sendId()) || blank(event.recipientId())) {
            throw new MalformedRecordException("client activity " + event.eventId()
                    + " names no tenant, send or recipient");
        }
        NotificationSettings tenant = settingsOf(event.tenantId());
        if (!tenant.notifies(event.activity())) {
            log.debug("send {}: {} not notified, the tenant turned it off", event.sendId(), event.activity());
            return 0;
        }
        Optional<DispatchJob> invoiceEmail = jobs.find(DispatchJob.idOf(event.sendId(), event.recipientId()));
        if (invoiceEmail.isEmpty()) {
            // no e-mail of this service carried the link: nothing to say what the document was (a lost database)
            log.warn("send {}: {} of recipient {} not notified, its invoice e-mail is unknown here", event.sendId(),
                    event.activity(), event.recipientId());
            return 0;
        }
        DispatchJob invoiceJob = invoiceEmail.get();
        if (!invoiceJob.tenantId().equals(event.tenantId())) {
            throw new MalformedRecordException("client activity " + event.eventId() + " names tenant "
                    + event.tenantId() + ", but send " + event.sendId() + " is another tenant's: nothing notified");
        }
        List<String> addresses = tenant.recipients(invoiceJob.letter().replyTo());
        if (addresses.isEmpty()) {
            log.warn("send {}: {} not notified, tenant {} has no notification or company e-mail address",
                    event.sendId(), event.activity(), event.tenantId());
            return 0;
        }
        return queue(event, invoiceJob, tenant, addresses);
    }

    private int queue(ClientActivityRecorded event, DispatchJob invoiceJob, NotificationSettings tenant,
                      List<String> addresses) {
        RecipientEmail invoice = invoiceJob.letter();
        ClientAnswerNotice notice = ClientAnswerNotice.of(event.activity(), tenant.language(), invoice.documentKind(),
                invoice.invoiceNumber(), invoice.recipientEmail(), event.reason(), event.occurredAt(), zone);
        if (jobs.find(DispatchJob.idOf(event.sendId(), noticeRecipient(event, 0))).isPresent()) {
            log.info("send {}: the {} notice was queued before; redelivery ignored", event.sendId(), event.activity());
            return 0;
        }
        String server = servers.serverFor(event.tenantId());
        Instant now = clock.instant();
        int created = 0;
        for (int i = 0; i < addresses.size(); i++) {
            // no reply-to: a reply to the platform's notice would reach the tenant itself
            RecipientEmail letter = new RecipientEmail(invoice.tenantName(), invoice.subdomain(), null,
                    addresses.get(i), null, notice.subject(), notice.message(), tenant.language(), invoice.mode(),
                    invoice.documentKind(), invoice.invoiceNumber(), null, true);
            DispatchJob job = DispatchJob.queued(event.tenantId(), event.sendId(), invoiceJob.invoiceId(),
                    invoiceJob.clientId(), noticeRecipient(event, i), server, MessageIds.newMessageId(platformDomain),
                    letter, now);
            if (jobs.insertIfAbsent(job)) {
                created++;
            }
        }
        if (created > 0) {
            log.info("send {}: {} notice(s) of {} queued for tenant {}", event.sendId(), created, event.activity(),
                    event.tenantId());
            workers.kick();
        }
        return created;
    }

    /**
     * A notice's place among the send's jobs: after the recipient it is about, its answer and the address's place
     * ({@code r1:accepted:0}), never an id of a recipient of the send.
     */
    static String noticeRecipient(ClientActivityRecorded event, int address) {
        return event.recipientId() + ":" + event.activity().name().toLowerCase(java.util.Locale.ROOT) + ":" + address;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
