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
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A send as the tenant follows it ({@code GET /api/sends/{sendId}}): each recipient's status, and every step in
 * the order it happened (events that arrived out of order are shown in their own time's place).
 */
record SendView(
        @Schema(description = "The send's id.", example = "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52") String sendId,
        @Schema(description = "The invoice sent.", example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60") String invoiceId,
        @Schema(description = "The invoice's number.", example = "0000000042") String invoiceNumber,
        @Schema(description = "The client the invoice was sent to.", example = "c2a9f0d4-8b1e-4f7c-a3d5-6e7f8a9b0c11")
        String clientId,
        @Schema(description = "How the invoice goes out: LINK (a tracked personal link) or ATTACHMENT (a PDF).",
                example = "LINK")
        DeliveryMode mode,
        @Schema(description = "The language of the e-mail and the client's page.", example = "BG") Language language,
        @Schema(description = "The send's status: the furthest its recipients got.", example = "OPENED")
        SendStatus status,
        @Schema(description = "When the send was requested (ISO 8601 instant).", example = "2026-12-07T09:00:00Z")
        Instant requestedAt,
        @Schema(description = "The e-mail's subject.", example = "Фактура № 0000000042") String subject,
        @Schema(description = "Whether what the client does can be seen at all (not for an attached PDF).")
        ClientTracking tracking,
        @Schema(description = "Each recipient's delivery and what the client did.") List<RecipientView> recipients,
        @Schema(description = "Every step of the send, in the order it happened.") List<Step> timeline) {

    /**
     * One step of the timeline. {@code count}: how many fetches it stands for (an OPENED: one client's repeated
     * fetches of the page within tracking-service's fold window, folded into one step); 1 for every other step.
     */
    record Step(
            @Schema(description = "When it happened (the event's time, not when it was heard of).",
                    example = "2026-12-07T09:00:04Z") Instant at,
            @Schema(description = "What happened, e.g. REQUESTED, RENDERED, SENT, OPENED, ACCEPTED, DOWNLOADED.",
                    example = "SENT") String step,
            @Schema(description = "Whose step it was; null for a step of the whole send.", example = "3f1c2b8e-7a4d-4c52-9d0e-5b6a7c8d9e01")
            String recipientId,
            @Schema(description = "Words for a person: a server's reply, a failure or return reason; may be null.",
                    example = "250 2.0.0 Ok: queued") String detail,
            @Schema(description = "How many fetches the step stands for (a folded OPENED); 1 for every other step.",
                    example = "1") int count) {

        static Step of(TimelineEntry entry) {
            return new Step(entry.at(), entry.step(), entry.recipientId(), entry.detail(), entry.count());
        }
    }

    /**
     * Whether what the client does can be seen at all: a PDF sent as an attachment has no personal link, so an
     * empty history there means "cannot be known", not "nothing happened" — the answer says so.
     */
    record ClientTracking(
            @Schema(description = "False when the invoice went as an attached PDF: the client's actions cannot be"
                    + " recorded.", example = "true") boolean tracked,
            @Schema(description = "Why nothing can be recorded, for a person to read; null when tracked.",
                    example = "Sent as an attached PDF without a personal link: opening, viewing, accepting,"
                            + " returning and downloading cannot be recorded.")
            String note) {

        static ClientTracking of(DeliveryMode mode) {
            return mode == DeliveryMode.LINK ? new ClientTracking(true, null) : new ClientTracking(false,
                    "Sent as an attached PDF without a personal link: opening, viewing, accepting, returning and "
                            + "downloading cannot be recorded.");
        }
    }

    record RecipientView(
            @Schema(description = "The recipient's id within the send.", example = "3f1c2b8e-7a4d-4c52-9d0e-5b6a7c8d9e01") String recipientId,
            @Schema(description = "The address the e-mail goes to.", example = "accounting@client.example")
            String email,
            @Schema(description = "How far this recipient's delivery got.", example = "OPENED") SendStatus status,
            @Schema(description = "The e-mail's Message-ID once mail-dispatch has fixed it; null before.",
                    example = "<m1@platform.test>") String messageId,
            @Schema(description = "Why delivery failed or is being retried; null otherwise.",
                    example = "the mail server mx.example:25 deferred the message: 451 greylisted")
            String failureReason,
            @Schema(description = "Why the client returned the invoice; null unless RETURNED.",
                    example = "Грешен ЕИК на получателя") String returnReason,
            @ArraySchema(arraySchema = @Schema(
                    description = "When the client downloaded the PDF, in the order reported.",
                    example = "[\"2026-12-07T09:12:30Z\"]"),
                    schema = @Schema(example = "2026-12-07T09:12:30Z"))
            List<Instant> downloads) {

        static RecipientView of(SendRecipient recipient) {
            return new RecipientView(recipient.recipientId(), recipient.email(), recipient.status(),
                    recipient.messageId(), recipient.failureReason(), recipient.returnReason(), recipient.downloads());
        }
    }

    /**
     * The answer to a send request: 202, the send is on its way. Always REQUESTED, also when the request was made
     * before (the same idempotency key), so that the same request gets the same answer.
     */
    record Accepted(
            @Schema(description = "The send's id: follow it at GET /api/sends/{sendId}.",
                    example = "e5d6c7b8-1a2b-4c3d-8e9f-0a1b2c3d4e52") String sendId,
            @Schema(description = "The invoice sent.", example = "b7e4c1a2-5d3f-4e8a-9c6b-1a2d3e4f5a60") String invoiceId,
            @Schema(description = "Always REQUESTED: the send is on its way.", example = "REQUESTED")
            SendStatus status) {

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
