package com.invoicedelivery.invoice.send.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import com.invoicedelivery.invoice.send.domain.DeliveryOverview;
import com.invoicedelivery.invoice.send.domain.DeliveryWindow;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;

/**
 * The delivery overview, for operations (every tenant) or one tenant. Its work is bounded: the window is at most
 * {@link DeliveryWindow#MAX_DAYS} days, read through the index of the days it touches, and holds at most
 * {@link #MAX_SENDS} sends (more: 400, narrow the window); each stage's oldest item is one read of one send.
 */
public class DeliveryOverviews {

    public static final int MAX_SENDS = 20_000;

    private final SendStore sends;
    private final Clock clock;

    public DeliveryOverviews(SendStore sends, Clock clock) {
        this.sends = sends;
        this.clock = clock;
    }

    /**
     * @param tenantId null for every tenant
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException when from or to is not an instant, or
     *         from is not before to
     * @throws LimitExceededException when the window is too long or holds too many sends
     */
    public DeliveryOverview overview(String from, String to, String tenantId) {
        Instant now = clock.instant();
        DeliveryWindow window = DeliveryWindow.of(from, to, now);
        long candidates = sends.countRequestedOn(window.days(), tenantId);
        if (candidates > MAX_SENDS) {
            RuleViolation tooMany = new RuleViolation("from", "the days of this window hold " + candidates
                    + " sends, more than an overview reads (" + MAX_SENDS + "): ask for a shorter window");
            throw new LimitExceededException(List.of(tooMany), tooMany, MAX_SENDS);
        }
        List<DeliveryOverview.OldestItem> oldest = new ArrayList<>();
        for (DeliveryOverview.Stage stage : DeliveryOverview.Stage.values()) {
            sends.oldestWithRecipientIn(stage.status(), tenantId)
                    .map(send -> DeliveryOverview.oldestOf(stage, List.of(send), now))
                    .filter(Objects::nonNull)
                    .ifPresent(oldest::add);
        }
        return DeliveryOverview.of(window, tenantId, sends.figuresRequestedIn(window, tenantId), oldest);
    }
}
