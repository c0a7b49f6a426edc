package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.invoice.shared.domain.SendStatus;

/** What each status event the other services publish means for a send. */
public final class ProgressReports {

    public static final String RENDERED = "RENDERED";
    public static final String RENDER_FAILED = "RENDER_FAILED";
    /** Someone asked for a waiting e-mail to be retried now ("retry now"): a timeline entry naming who. */
    public static final String RETRY_REQUESTED = "RETRY_REQUESTED";
    static final String MACHINE = "looks like a mail scanner or a link preview, not a person: the status stays";
    static final String MACHINE_DECISION = "sent from a browser that looks automated";

    private ProgressReports() {
    }

    /** pdf-service stored the PDF: every recipient's e-mail can go. */
    public static Progress of(InvoiceDocumentReady event) {
        String file = event.document() == null ? null : event.document().fileName();
        return Progress.ofSend(event.eventId(), event.occurredAt(), RENDERED, SendStatus.RENDERED, file, null);
    }

    /** pdf-service cannot render the invoice: no recipient gets it. */
    public static Progress of(InvoiceRenderFailed event) {
        return Progress.ofSend(event.eventId(), event.occurredAt(), RENDER_FAILED, SendStatus.FAILED, event.reason(),
                event.reason());
    }

    /** mail-dispatch sent, deferred or failed one recipient's e-mail, or cannot tell whether it went out. */
    public static Progress of(EmailDeliveryStatusChanged event) {
        if (event.reportsRetryRequest()) {
            // not an attempt's outcome: the status and its reason stay as they are, the timeline says who asked
            return new Progress(event.eventId(), event.occurredAt(), event.recipientId(), RETRY_REQUESTED,
                    "requested by " + event.retryRequestedBy() + "; the next attempt (after attempt "
                            + event.attempt() + ") is due now, with the same Message-ID",
                    null, null, null, null, false);
        }
        SendStatus status = switch (event.status()) {
            case SENT -> SendStatus.SENT;
            case DEFERRED -> SendStatus.DEFERRED;
            case FAILED -> SendStatus.FAILED;
            case OUTCOME_UNKNOWN -> SendStatus.OUTCOME_UNKNOWN;
        };
        String failureReason = status == SendStatus.SENT ? null : event.reason();
        return new Progress(event.eventId(), event.occurredAt(), event.recipientId(), event.status().name(),
                deliveryDetail(event), status, event.messageId(), failureReason, null, false);
    }

    /**
     * mail-dispatch read a report that came back about a sent e-mail: a permanent failure makes the recipient
     * BOUNCED with the remote server's words as its failure reason; a delay (soft bounce) and a complaint only go
     * into the timeline, with the reason.
     */
    public static Progress of(EmailBounced event) {
        SendStatus status = event.kind() == BounceKind.HARD ? SendStatus.BOUNCED : null;
        String step = switch (event.kind()) {
            case HARD -> "BOUNCED";
            case SOFT -> "SOFT_BOUNCE";
            case COMPLAINT -> "COMPLAINED";
        };
        String detail = (event.status() == null ? "" : event.status() + ": ") + event.reason()
                + (event.reportingMta() == null ? "" : " (reported by " + event.reportingMta() + ")");
        return new Progress(event.eventId(), event.occurredAt(), event.recipientId(), step, detail, status, null,
                status == null ? null : event.reason(), null, false);
    }

    /**
     * tracking-service saw the client use the link. Consent decisions only go into the timeline; a person's download
     * is recorded (every one, with its time) without changing the status, a machine's (a HEAD, a scanner fetching
     * the file) only goes into the timeline, flagged. An open or view that looks like a machine's
     * (a mail scanner fetching every link) goes into the timeline but changes no status; Accept and Return are
     * decisions the client's page recorded, so they always count, with the suspicion noted.
     */
    public static Progress of(ClientActivityRecorded event) {
        if (event.countsAFold()) {
            // one client fetched the page again within the fold window: the OPENED it repeats counts one more
            return Progress.fold(event.eventId(), event.occurredAt(), event.recipientId(), event.activity().name(),
                    event.foldedInto(), event.count() == null ? 1 : event.count());
        }
        boolean countsAsPerson = !event.suspectedMachine() || isDecision(event.activity());
        SendStatus status = !countsAsPerson ? null : switch (event.activity()) {
            case OPENED -> SendStatus.OPENED;
            case VIEWED -> SendStatus.VIEWED;
            case ACCEPTED -> SendStatus.ACCEPTED;
            case RETURNED -> SendStatus.RETURNED;
            case CONSENT_GIVEN, CONSENT_REFUSED, DOWNLOADED -> null;
        };
        String returnReason = status == SendStatus.RETURNED ? event.reason() : null;
        String detail = !event.suspectedMachine() ? returnReason
                : isDecision(event.activity()) ? join(returnReason, MACHINE_DECISION) : MACHINE;
        return new Progress(event.eventId(), event.occurredAt(), event.recipientId(), event.activity().name(), detail,
                status, null, null, returnReason,
                event.activity() == ClientActivity.DOWNLOADED && !event.suspectedMachine(),
                event.activity() == ClientActivity.OPENED ? event.eventId() : null, null, 1);
    }

    private static boolean isDecision(ClientActivity activity) {
        return activity == ClientActivity.ACCEPTED || activity == ClientActivity.RETURNED;
    }

    private static String join(String reason, String note) {
        return reason == null ? note : reason + " (" + note + ")";
    }

    private static String deliveryDetail(EmailDeliveryStatusChanged event) {
        return switch (event.status()) {
            case SENT -> event.smtpReply();
            case DEFERRED -> event.reason() + (event.nextAttemptAt() == null ? ""
                    : "; attempt " + event.attempt() + ", next attempt at " + event.nextAttemptAt());
            case FAILED, OUTCOME_UNKNOWN -> event.reason();
        };
    }
}
