package com.invoicedelivery.invoice.send.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * One invoice sent to its recipients in one send action, with each recipient's progress and the timeline of
 * every step. Its status is its most advanced recipient's.
 *
 * @param message the final message as sent (with the link marker where each personal link goes)
 * @param version counts the changes since the send was made (0); a change is stored only over the version it
 *                was computed from, so concurrent reports never overwrite each other
 */
public record Send(String id, String tenantId, String invoiceId, String invoiceNumber, String clientId,
                   DeliveryMode mode, Language language, String subject, String message, Instant requestedAt,
                   SendStatus status, List<SendRecipient> recipients, List<TimelineEntry> timeline, long version) {

    public static final String REQUESTED_STEP = "REQUESTED";

    public Send {
        recipients = List.copyOf(recipients);
        timeline = List.copyOf(timeline);
    }

    /**
     * A change to store: the send after one report, and the entry the report adds to the timeline (or, when
     * {@code replacing} is set, the entry that replaces the one at that index: a new count of fetches); {@code entry}
     * is null when the report changes no entry.
     */
    public record Change(Send send, TimelineEntry entry, Integer replacing) {

        public Change(Send send, TimelineEntry entry) {
            this(send, entry, null);
        }
    }

    /** A new send, every recipient REQUESTED, its first timeline entry saying so. */
    public static Send requested(String id, String tenantId, String invoiceId, String invoiceNumber, String clientId,
                                 DeliveryMode mode, Language language, String subject, String message,
                                 List<SendRecipient> recipients, Instant requestedAt) {
        TimelineEntry requested = new TimelineEntry(requestedAt, REQUESTED_STEP, null,
                recipients.size() + " recipient(s), " + mode.name().toLowerCase(Locale.ROOT) + " mode, language " + language);
        return new Send(id, tenantId, invoiceId, invoiceNumber, clientId, mode, language, subject, message,
                requestedAt, SendStatus.REQUESTED, recipients, List.of(requested), 0);
    }

    /** The change {@code progress} makes; empty when it names a recipient this send does not have. */
    public Optional<Change> apply(Progress progress) {
        if (recipients.stream().noneMatch(recipient -> progress.concerns(recipient.recipientId()))) {
            return Optional.empty();
        }
        if (progress.isFold()) {
            return Optional.of(counted(progress));
        }
        List<SendRecipient> updated = recipients.stream()
                .map(recipient -> progress.concerns(recipient.recipientId()) ? recipient.after(progress) : recipient)
                .toList();
        TimelineEntry entry = progress.timelineEntry();
        List<TimelineEntry> longer = new ArrayList<>(timeline);
        longer.add(entry);
        Send after = new Send(id, tenantId, invoiceId, invoiceNumber, clientId, mode, language, subject, message,
                requestedAt, SendStatus.mostAdvanced(updated.stream().map(SendRecipient::status).toList()), updated,
                longer, version + 1);
        return Optional.of(new Change(after, entry));
    }

    /**
     * A new count of fetches on an earlier OPENED: that entry shows the larger count; statuses stay. When the entry
     * is not in the timeline (its report never came, e.g. dead-lettered) the report changes nothing but is kept as
     * applied.
     */
    private Change counted(Progress progress) {
        for (int i = 0; i < timeline.size(); i++) {
            TimelineEntry entry = timeline.get(i);
            if (progress.foldedInto().equals(entry.entryId()) && progress.concerns(entry.recipientId())) {
                List<TimelineEntry> counted = new ArrayList<>(timeline);
                TimelineEntry replaced = entry.counting(progress.count());
                counted.set(i, replaced);
                return new Change(withTimeline(counted), replaced, i);
            }
        }
        return new Change(withTimeline(timeline), null, null);
    }

    private Send withTimeline(List<TimelineEntry> changed) {
        return new Send(id, tenantId, invoiceId, invoiceNumber, clientId, mode, language, subject, message,
                requestedAt, status, recipients, changed, version + 1);
    }
}
