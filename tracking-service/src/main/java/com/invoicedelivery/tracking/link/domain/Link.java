package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;
import java.util.List;
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
 */
public record Link(String id, String tenantId, String sendId, String invoiceId, String recipientId, String email,
                   Language language, String tenantName, InvoiceSnapshot invoice, Instant createdAt,
                   Instant expiresAt, LinkedDocument document, Outcome outcome, Instant viewedAt,
                   Instant renewalRequestedAt, List<ActivityEntry> history) {

    public Link {
        history = history == null ? List.of() : List.copyOf(history);
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

    /** The event that tells the sender about {@code entry}. */
    public ClientActivityRecorded announce(ActivityEntry entry) {
        return new ClientActivityRecorded(entry.eventId(), entry.at(), tenantId, ClientActivityRecorded.SCHEMA_VERSION,
                sendId, invoiceId, recipientId, entry.activity(), entry.reason(), entry.suspectedMachine());
    }

    /** Asks invoice-service to e-mail a fresh link to this link's own address, the only one it may go to. */
    public LinkRenewalRequested renewalRequest(Instant at) {
        return new LinkRenewalRequested(UUID.randomUUID().toString(), at, tenantId, LinkRenewalRequested.SCHEMA_VERSION, sendId, invoiceId,
                recipientId, email);
    }
}
