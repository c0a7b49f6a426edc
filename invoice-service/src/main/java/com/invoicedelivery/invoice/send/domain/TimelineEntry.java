package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;

/**
 * One step of a send, as it happened.
 *
 * @param at          when it happened (the event's time, not when it was heard of)
 * @param step        what happened, e.g. REQUESTED, RENDERED, SENT, OPENED, ACCEPTED, DOWNLOADED
 * @param recipientId whose step it was; null for a step of the whole send
 * @param detail      words for a person: a server's reply, a failure or return reason; may be null
 */
public record TimelineEntry(Instant at, String step, String recipientId, String detail) {
}
