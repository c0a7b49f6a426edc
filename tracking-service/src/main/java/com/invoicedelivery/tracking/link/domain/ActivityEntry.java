package com.invoicedelivery.tracking.link.domain;

import java.time.Instant;

import com.invoicedelivery.events.ClientActivity;

/**
 * One step in a link's history, as published to the sender.
 *
 * @param eventId the id of the {@code ClientActivityRecorded} event that announced it
 * @param reason  the return reason (RETURNED only)
 * @param client  a hash of the client's address and User-Agent (OPENED only): tells repeats of one client's
 *                fetches apart from another's without keeping either in clear; null where not needed
 * @param count   how many fetches this entry stands for: repeated OPENED of one client within the fold window
 *                are folded into the first one (only the first is announced); 1 for every other step
 */
public record ActivityEntry(String eventId, ClientActivity activity, Instant at, String reason,
                            boolean suspectedMachine, String client, Integer count) {

    public ActivityEntry {
        // entries stored before folding existed have no count (null, which a primitive could not take when read):
        // each stood for one step
        count = count == null ? 1 : Math.max(count, 1);
    }

    public ActivityEntry(String eventId, ClientActivity activity, Instant at, String reason,
                         boolean suspectedMachine) {
        this(eventId, activity, at, reason, suspectedMachine, null, 1);
    }

    /** Whether a new fetch by {@code client}, judged {@code suspected}, at or after {@code since}, folds into this. */
    boolean foldsOpen(String client, boolean suspected, Instant since) {
        return activity == ClientActivity.OPENED && client != null && client.equals(this.client)
                && suspected == suspectedMachine && !at.isBefore(since);
    }
}
