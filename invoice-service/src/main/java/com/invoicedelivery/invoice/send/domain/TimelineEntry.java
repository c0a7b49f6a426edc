package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;

/**
 * One step of a send, as it happened.
 *
 * @param at          when it happened (the event's time, not when it was heard of)
 * @param step        what happened, e.g. REQUESTED, RENDERED, SENT, OPENED, ACCEPTED, DOWNLOADED
 * @param recipientId whose step it was; null for a step of the whole send
 * @param detail      words for a person: a server's reply, a failure or return reason; may be null
 * @param entryId     the id a later report names to count more fetches on this step (an OPENED's event id at
 *                    tracking-service); null on every other step, and on OPENED steps stored before folds were
 *                    announced
 * @param count       how many fetches the step stands for: tracking-service folds one client's repeated fetches of
 *                    the page within its fold window into the first one's OPENED and announces the count as it
 *                    grows; 1 for every other step (and for steps stored before the count existed)
 */
public record TimelineEntry(Instant at, String step, String recipientId, String detail, String entryId,
                            Integer count) {

    public TimelineEntry {
        // steps stored before the count existed have none: each stood for one
        count = count == null ? 1 : Math.max(count, 1);
    }

    public TimelineEntry(Instant at, String step, String recipientId, String detail) {
        this(at, step, recipientId, detail, null, 1);
    }

    /** This step standing for {@code fetches} fetches, unless it stands for more already (reports may repeat). */
    TimelineEntry counting(int fetches) {
        return new TimelineEntry(at, step, recipientId, detail, entryId, Math.max(count, fetches));
    }
}
