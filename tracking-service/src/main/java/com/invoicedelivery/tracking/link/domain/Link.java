package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.LinkRenewalRequested;

/**
 * One recipient's personal link to one sent invoice, with everything its page shows and what the client
 * has done with it.
 *
 * @param id         the SHA-256 (hex) of the link's token: the only form in which the token is kept
 * @param email      the recipient's address, lower case
 * @param tenantName the sender as the page names it
 * @param invoice    the invoice as it was sent
 * @param document   the rendered PDF, once pdf-service has stored it; null before
 * @param outcome    the client's decision, null until Accept or Return
 * @param viewedAt   when a person first used the page (the beacon or a POST), null before
 * @param renewalRequestedAt when the client last asked for a fresh link (once the link expired), null before
 * @param history    every recorded step, oldest first
 * @param tenantPage the tenant's privacy notice and contact for the page, as the send carried them; null: none
 */
public record Link(String id, String tenantId, String sendId, String invoiceId, String recipientId, String email,
                   Language language, String tenantName, InvoiceSnapshot invoice, Instant createdAt,
                   Instant expiresAt, LinkedDocument document, Outcome outcome, Instant viewedAt,
                   Instant renewalRequestedAt, List<ActivityEntry> history, TenantPage tenantPage) {

    public Link {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** A link without the tenant's privacy notice or contact (as links were stored before they existed). */
    public Link(String id, String tenantId, String sendId, String invoiceId, String recipientId, String email,
                Language language, String tenantName, InvoiceSnapshot invoice, Instant createdAt, Instant expiresAt,
                LinkedDocument document, Outcome outcome, Instant viewedAt, Instant renewalRequestedAt,
                List<ActivityEntry> history) {
        this(id, tenantId, sendId, invoiceId, recipientId, email, language, tenantName, invoice, createdAt, expiresAt,
                document, outcome, viewedAt, renewalRequestedAt, history, null);
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public boolean isAccepted() {
        return outcome != null && outcome.isAccepted();
    }

    /**
     * The earliest moment the e-mail with this link can have gone out: when its document was ready (the mail
     * follows it), or, while that is not known, when the link was made.
     */
    public Instant earliestMailedAt() {
        return document != null && document.readyAt() != null ? document.readyAt() : createdAt;
    }

    /** The client may download the PDF once it accepted the invoice and the document exists. */
    public boolean isDownloadable() {
        return isAccepted() && document != null;
    }

    /** The history entry for a new step of this link. */
    public ActivityEntry step(ClientActivity activity, String reason, boolean suspectedMachine, Instant at) {
        return new ActivityEntry(UUID.randomUUID().toString(), activity, at, reason, suspectedMachine);
    }

    /** The history entry for a fetch of the page by {@code client} (a hash, see {@link ActivityEntry#client()}). */
    public ActivityEntry opened(String client, boolean suspectedMachine, Instant at) {
        return new ActivityEntry(UUID.randomUUID().toString(), ClientActivity.OPENED, at, null, suspectedMachine,
                client, 1);
    }

    /**
     * The OPENED entry a new fetch by {@code client} folds into: the latest one by the same client, judged the same
     * way, made at or after {@code since}. A redirect after each form, a reload, a burst of retries: one entry.
     */
    public Optional<ActivityEntry> openToFoldInto(String client, boolean suspectedMachine, Instant since) {
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).foldsOpen(client, suspectedMachine, since)) {
                return Optional.of(history.get(i));
            }
        }
        return Optional.empty();
    }

    /** The page load (OPENED entry) a beacon names, empty when the id names none of this link's loads. */
    public Optional<ActivityEntry> pageLoad(String eventId) {
        return history.stream()
                .filter(entry -> entry.activity() == ClientActivity.OPENED && entry.eventId().equals(eventId))
                .findFirst();
    }

    /** The event that tells the sender about {@code entry}. */
    public ClientActivityRecorded announce(ActivityEntry entry) {
        return new ClientActivityRecorded(entry.eventId(), entry.at(), tenantId, ClientActivityRecorded.SCHEMA_VERSION,
                sendId, invoiceId, recipientId, entry.activity(), entry.reason(), entry.suspectedMachine());
    }

    /**
     * The event that tells the sender one more fetch was folded into the OPENED {@code entry}, which stands for
     * {@code count} fetches now: no new step, only the entry's count (see {@link ClientActivityRecorded#foldedInto()}).
     */
    public ClientActivityRecorded announceFold(ActivityEntry entry, int count, Instant at) {
        return new ClientActivityRecorded(UUID.randomUUID().toString(), at, tenantId,
                ClientActivityRecorded.SCHEMA_VERSION, sendId, invoiceId, recipientId, entry.activity(), null,
                entry.suspectedMachine(), entry.eventId(), count);
    }

    /** Asks invoice-service to e-mail a fresh link to this link's own address, the only one it may go to. */
    public LinkRenewalRequested renewalRequest(Instant at) {
        return new LinkRenewalRequested(UUID.randomUUID().toString(), at, tenantId, LinkRenewalRequested.SCHEMA_VERSION, sendId, invoiceId,
                recipientId, email);
    }
}
