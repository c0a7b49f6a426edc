package com.invoicedelivery.invoice.send.web;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.send.domain.TimelineEntry;
import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * A send as the tenant follows it ({@code GET /api/sends/{sendId}}): each recipient's status, and every step in
 * the order it happened (events that arrived out of order are shown in their own time's place).
 */
record SendView(String sendId, String invoiceId, String invoiceNumber, String clientId, DeliveryMode mode,
                Language language, SendStatus status, Instant requestedAt, String subject, ClientTracking tracking,
                List<RecipientView> recipients, List<Step> timeline) {

    /**
     * One step of the timeline. {@code count}: how many fetches it stands for (an OPENED: one client's repeated
     * fetches of the page within tracking-service's fold window, folded into one step); 1 for every other step.
     */
    record Step(Instant at, String step, String recipientId, String detail, int count) {

        static Step of(TimelineEntry entry) {
            return new Step(entry.at(), entry.step(), entry.recipientId(), entry.detail(), entry.count());
        }
    }

    /**
     * Whether what the client does can be seen at all: a PDF sent as an attachment has no personal link, so an
     * empty history there means "cannot be known", not "nothing happened" — the answer says so.
     */
    record ClientTracking(boolean tracked, String note) {

        static ClientTracking of(DeliveryMode mode) {
            return mode == DeliveryMode.LINK ? new ClientTracking(true, null) : new ClientTracking(false,
                    "Sent as an attached PDF without a personal link: opening, viewing, accepting, returning and "
                            + "downloading cannot be recorded.");
        }
    }

    record RecipientView(String recipientId, String email, SendStatus status, String messageId, String failureReason,
                         String returnReason, List<Instant> downloads) {

        static RecipientView of(SendRecipient recipient) {
            return new RecipientView(recipient.recipientId(), recipient.email(), recipient.status(),
                    recipient.messageId(), recipient.failureReason(), recipient.returnReason(), recipient.downloads());
        }
    }

    /**
     * The answer to a send request: 202, the send is on its way. Always REQUESTED, also when the request was made
     * before (the same idempotency key), so that the same request gets the same answer.
     */
    record Accepted(String sendId, String invoiceId, SendStatus status) {

        static Accepted of(Send send) {
            return new Accepted(send.id(), send.invoiceId(), SendStatus.REQUESTED);
        }
    }

    static SendView of(Send send) {
        return new SendView(send.id(), send.invoiceId(), send.invoiceNumber(), send.clientId(), send.mode(),
                send.language(), send.status(), send.requestedAt(), send.subject(), ClientTracking.of(send.mode()),
                send.recipients().stream().map(RecipientView::of).toList(),
                send.timeline().stream().sorted(Comparator.comparing(TimelineEntry::at)).map(Step::of).toList());
    }
}
