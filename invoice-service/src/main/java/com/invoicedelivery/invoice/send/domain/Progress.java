package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;

import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * Something that happened to a send, as another service reported it: one timeline entry, and maybe a new status,
 * Message-ID, reason or download for one recipient (or, with no recipient, for all of them).
 *
 * @param eventId       the reporting event's id: a report is applied once, whatever the redeliveries
 * @param recipientId   null when the report concerns every recipient (the PDF is rendered, or cannot be)
 * @param status        the status reported; null for a report that only goes into the timeline
 * @param failureReason why delivery failed or is retrying, for a person to read
 * @param download      true when the client downloaded the PDF
 * @param entryId       the id by which a later report may count more fetches on this report's step (see
 *                      {@link TimelineEntry#entryId()}); null for steps that are never folded into
 * @param foldedInto    set when the report is no step of its own but a new count of fetches on an earlier step,
 *                      the one whose {@code entryId} it names; {@code count} is then that step's count
 * @param count         with {@code foldedInto}: how many fetches that step stands for now; 1 otherwise
 */
public record Progress(String eventId, Instant at, String recipientId, String step, String detail,
                       SendStatus status, String messageId, String failureReason, String returnReason,
                       boolean download, String entryId, String foldedInto, int count) {

    /** A step of its own, never folded into. */
    public Progress(String eventId, Instant at, String recipientId, String step, String detail,
                    SendStatus status, String messageId, String failureReason, String returnReason,
                    boolean download) {
        this(eventId, at, recipientId, step, detail, status, messageId, failureReason, returnReason, download, null,
                null, 1);
    }

    /** A new count of fetches on the step {@code foldedInto} names: no step, no status, only the count. */
    public static Progress fold(String eventId, Instant at, String recipientId, String step, String foldedInto,
                                int count) {
        return new Progress(eventId, at, recipientId, step, null, null, null, null, null, false, null, foldedInto,
                count);
    }

    public boolean isFold() {
        return foldedInto != null;
    }

    /** A report about the whole send. */
    public static Progress ofSend(String eventId, Instant at, String step, SendStatus status, String detail,
                                  String failureReason) {
        return new Progress(eventId, at, null, step, detail, status, null, failureReason, null, false);
    }

    public boolean concerns(String someRecipientId) {
        return recipientId == null || recipientId.equals(someRecipientId);
    }

    public TimelineEntry timelineEntry() {
        return new TimelineEntry(at, step, recipientId, detail, entryId, 1);
    }
}
