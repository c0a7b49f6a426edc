package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;

import com.invoicedelivery.events.ClientActivity;

/**
 * One step in a link's history, as published to the sender.
 *
 * @param eventId the id of the {@code ClientActivityRecorded} event that announced it
 * @param reason  the return reason (RETURNED only)
 */
public record ActivityEntry(String eventId, ClientActivity activity, Instant at, String reason,
                            boolean suspectedMachine) {
}
