package com.invoicedelivery.events;

import java.time.Instant;

/**
 * A client did something with a personal link (tracking-service → invoice-service).
 *
 * @param reason           the return reason (RETURNED only)
 * @param suspectedMachine true where the request looks like a mail scanner or a prefetch, not a person;
 *                         such requests never count as a view
 * @param foldedInto       (added in minor version 1.1, optional) on an OPENED that repeats one client's fetch within
 *                         the fold window: the {@code eventId} of the OPENED it is folded into. Such a record is no
 *                         new step: it says that step now stands for {@code count} fetches. Null on every other
 *                         record (as in version 1.0, which never announced a fold)
 * @param count            (added in minor version 1.1, optional) with {@code foldedInto}: how many fetches the folded
 *                         entry stands for now, counting its first (2 for the first repeat); only ever grows, so a
 *                         consumer keeps the largest it has seen. Null on every other record: one step
 */
@Description("A client did something with a personal link. Integrators read it for a client's answer: ACCEPTED, "
        + "or RETURNED with a reason, once per link. Minor version 1.1 adds foldedInto and count.")
public record ClientActivityRecorded(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                     String sendId, String invoiceId, String recipientId, ClientActivity activity,
                                     @Description("The return reason (RETURNED only).") @OptionalField String reason,
                                     @Description("True where the request looks like a mail scanner or a prefetch, "
                                             + "not a person; such requests never count as a view.")
                                     boolean suspectedMachine,
                                     @Description("Added in minor version 1.1. On an OPENED that repeats one client's "
                                             + "fetch within the fold window: the eventId of the OPENED it is folded "
                                             + "into. Such a record is no new step: that step now stands for count "
                                             + "fetches. Null on every other record.")
                                     @OptionalField String foldedInto,
                                     @Description("Added in minor version 1.1. With foldedInto: how many fetches the "
                                             + "folded step stands for now, counting its first; only ever grows, so "
                                             + "keep the largest seen. Null on every other record.")
                                     @OptionalField Integer count)
        implements IntegrationEvent {

    public static final int SCHEMA_VERSION = 1;

    /** A step of its own (no fold), as version 1.0 had every record. */
    public ClientActivityRecorded(String eventId, Instant occurredAt, String tenantId, int schemaVersion,
                                  String sendId, String invoiceId, String recipientId, ClientActivity activity,
                                  String reason, boolean suspectedMachine) {
        this(eventId, occurredAt, tenantId, schemaVersion, sendId, invoiceId, recipientId, activity, reason,
                suspectedMachine, null, null);
    }

    /** Whether this record only counts one more fetch on an earlier OPENED (see {@code foldedInto}). */
    public boolean countsAFold() {
        return foldedInto != null;
    }

    @Override
    public String key() {
        return sendId;
    }
}
