package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import org.junit.jupiter.api.Test;

class DeliveryWindowTest {

    private static final Instant NOW = Instant.parse("2026-12-06T22:30:00Z");

    @Test
    void withoutBoundsTheWindowIsTheLast24HoursAndTouchesTwoDays() {
        DeliveryWindow window = DeliveryWindow.of(null, " ", NOW);

        assertThat(window.from()).isEqualTo(Instant.parse("2026-12-05T22:30:00Z"));
        assertThat(window.to()).isEqualTo(NOW);
        assertThat(window.days()).containsExactly("2026-12-05", "2026-12-06");
    }

    @Test
    void aWindowEndingAtMidnightDoesNotTouchTheNextDay() {
        DeliveryWindow window = DeliveryWindow.of("2026-12-01T00:00:00Z", "2026-12-03T00:00:00Z", NOW);

        assertThat(window.days()).containsExactly("2026-12-01", "2026-12-02");
        assertThat(window.contains(Instant.parse("2026-12-03T00:00:00Z"))).isFalse();
        assertThat(window.contains(Instant.parse("2026-12-01T00:00:00Z"))).isTrue();
    }

    @Test
    void boundsThatAreNoInstantsAreRefusedNamingEachField() {
        assertThatThrownBy(() -> DeliveryWindow.of("yesterday", "soon", NOW))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.violations())
                        .extracting(RuleViolation::field).containsExactlyInAnyOrder("from", "to"));
        assertThatThrownBy(() -> DeliveryWindow.of("2026-12-02T00:00:00Z", "2026-12-02T00:00:00Z", NOW))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("before");
    }

    @Test
    void aWindowLongerThan31DaysIsOverTheLimit() {
        assertThat(DeliveryWindow.of("2026-11-01T00:00:00Z", "2026-12-02T00:00:00Z", NOW).days()).hasSize(31);
        assertThatThrownBy(() -> DeliveryWindow.of("2026-11-01T00:00:00Z", "2026-12-02T00:00:01Z", NOW))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(31));
    }

    @Test
    void percentilesAreNearestRankOverTheRecipientsSent() {
        Instant requested = NOW.minusSeconds(100);
        List<DeliveryOverview.SendFigures> sends = new java.util.ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            sends.add(new DeliveryOverview.SendFigures(requested, List.of(new DeliveryOverview.RecipientFigures(
                    SendStatus.SENT, null, requested.plusMillis(i * 10L)))));
        }
        sends.add(new DeliveryOverview.SendFigures(requested, List.of(
                new DeliveryOverview.RecipientFigures(SendStatus.FAILED, "550", null),
                new DeliveryOverview.RecipientFigures(SendStatus.DEFERRED, null, null))));

        DeliveryOverview overview = DeliveryOverview.of(DeliveryWindow.of(null, null, NOW), null, sends, List.of());

        assertThat(overview.requestToAcceptance())
                .isEqualTo(new DeliveryOverview.Latency(100, 500L, 950L, 990L));
        assertThat(overview.recipients()).isEqualTo(102);
        assertThat(overview.statuses().get(SendStatus.SENT)).isEqualTo(100);
        assertThat(overview.topFailureReasons()).containsExactly(new DeliveryOverview.ReasonCount("550", 1));
        assertThat(overview.topDeferralReasons())
                .containsExactly(new DeliveryOverview.ReasonCount("(no reason given)", 1));
    }

    @Test
    void aBouncedRecipientIsCountedWithItsRemoteReasonAmongTheFailures() {
        Instant requested = NOW.minusSeconds(100);
        List<DeliveryOverview.SendFigures> sends = List.of(new DeliveryOverview.SendFigures(requested, List.of(
                new DeliveryOverview.RecipientFigures(SendStatus.BOUNCED, "550 5.1.1 user unknown",
                        requested.plusSeconds(1)),
                new DeliveryOverview.RecipientFigures(SendStatus.FAILED, "550 5.1.1 user unknown", null))));

        DeliveryOverview overview = DeliveryOverview.of(DeliveryWindow.of(null, null, NOW), null, sends, List.of());

        assertThat(overview.statuses().get(SendStatus.BOUNCED)).isEqualTo(1);
        assertThat(overview.topFailureReasons())
                .containsExactly(new DeliveryOverview.ReasonCount("550 5.1.1 user unknown", 2));
    }
}
