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
 */
public record Progress(String eventId, Instant at, String recipientId, String step, String detail,
                       SendStatus status, String messageId, String failureReason, String returnReason,
                       boolean download) {

    /** A report about the whole send. */
    public static Progress ofSend(String eventId, Instant at, String step, SendStatus status, String detail,
                                  String failureReason) {
        return new Progress(eventId, at, null, step, detail, status, null, failureReason, null, false);
    }

    public boolean concerns(String someRecipientId) {
        return recipientId == null || recipientId.equals(someRecipientId);
    }

    public TimelineEntry timelineEntry() {
        return new TimelineEntry(at, step, recipientId, detail);
    }
}
