package com.invoicedelivery.invoice.send.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.invoice.shared.domain.SendStatus;

/**
 * How delivery went for the sends requested in a window: recipients per status, the most frequent reasons of
 * failures and deferrals, how long the oldest items still in progress have waited at each stage, and the time from
 * the request to the SMTP server's acceptance (nearest-rank percentiles).
 *
 * @param sends               sends requested in the window
 * @param recipients          their recipients
 * @param statuses            recipients per status (every status, zeros included)
 * @param topFailureReasons   the most frequent reasons of FAILED and BOUNCED recipients (a bounce's is the remote
 *                            server's words), most frequent first
 * @param topDeferralReasons  the same for recipients DEFERRED or OUTCOME_UNKNOWN now
 * @param oldestInProgress    per stage, the recipient waiting longest, whenever requested (not only in the window)
 * @param requestToAcceptance from the send's request to the server's acceptance, over the recipients sent
 */
public record DeliveryOverview(Instant from, Instant to, String tenantId, long sends, long recipients,
                               Map<SendStatus, Long> statuses, List<ReasonCount> topFailureReasons,
                               List<ReasonCount> topDeferralReasons, List<OldestItem> oldestInProgress,
                               Latency requestToAcceptance) {

    public static final int TOP_REASONS = 5;

    /** A stage a recipient can wait in. */
    public enum Stage {
        /** Requested, the PDF not yet rendered (REQUESTED). */
        REQUESTED_NOT_RENDERED(SendStatus.REQUESTED),
        /** Rendered, the e-mail not yet accepted by a server nor deferred (RENDERED). */
        RENDERED_NOT_SENT(SendStatus.RENDERED),
        /** Deferred by a server, waiting for its next attempt (DEFERRED). */
        DEFERRED(SendStatus.DEFERRED),
        /** Interrupted mid-attempt, waiting for its resend (OUTCOME_UNKNOWN). */
        OUTCOME_UNKNOWN(SendStatus.OUTCOME_UNKNOWN);

        private final SendStatus status;

        Stage(SendStatus status) {
            this.status = status;
        }

        public SendStatus status() {
            return status;
        }
    }

    public record ReasonCount(String reason, long count) {
    }

    /**
     * @param since when its send was requested
     */
    public record OldestItem(Stage stage, String tenantId, String sendId, String recipientId, Instant since,
                             long ageSeconds) {
    }

    /** Nearest-rank percentiles in milliseconds; null when nothing was sent. */
    public record Latency(long count, Long p50Millis, Long p95Millis, Long p99Millis) {

        static Latency of(List<Long> millis) {
            if (millis.isEmpty()) {
                return new Latency(0, null, null, null);
            }
            List<Long> sorted = millis.stream().sorted().toList();
            return new Latency(sorted.size(), rank(sorted, 50), rank(sorted, 95), rank(sorted, 99));
        }

        /** The value at the nearest rank: the smallest with at least p% of the values at or below it. */
        static long rank(List<Long> sorted, int percent) {
            int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
            return sorted.get(Math.max(rank, 1) - 1);
        }
    }

    /** One send requested in the window, as much of it as the overview reads. */
    public record SendFigures(Instant requestedAt, List<RecipientFigures> recipients) {
    }

    /** @param acceptedAt when the server accepted its e-mail (its SENT step); null when it has not */
    public record RecipientFigures(SendStatus status, String failureReason, Instant acceptedAt) {
    }

    /** Adds up the window's sends; {@code oldest} are the stages' oldest items, found apart. */
    public static DeliveryOverview of(DeliveryWindow window, String tenantId, List<SendFigures> sends,
                                      List<OldestItem> oldest) {
        Map<SendStatus, Long> statuses = new EnumMap<>(SendStatus.class);
        for (SendStatus status : SendStatus.values()) {
            statuses.put(status, 0L);
        }
        Map<String, Long> failures = new HashMap<>();
        Map<String, Long> deferrals = new HashMap<>();
        List<Long> latencies = new ArrayList<>();
        long recipients = 0;
        for (SendFigures send : sends) {
            for (RecipientFigures recipient : send.recipients()) {
                recipients++;
                statuses.merge(recipient.status(), 1L, Long::sum);
                String reason = recipient.failureReason() == null ? "(no reason given)" : recipient.failureReason();
                if (recipient.status() == SendStatus.FAILED || recipient.status() == SendStatus.BOUNCED) {
                    failures.merge(reason, 1L, Long::sum);
                } else if (recipient.status().isRetrying()) {
                    deferrals.merge(reason, 1L, Long::sum);
                }
                if (recipient.acceptedAt() != null && send.requestedAt() != null) {
                    latencies.add(Math.max(0, Duration.between(send.requestedAt(), recipient.acceptedAt()).toMillis()));
                }
            }
        }
        return new DeliveryOverview(window.from(), window.to(), tenantId, sends.size(), recipients, statuses,
                top(failures), top(deferrals), oldest, Latency.of(latencies));
    }

    private static List<ReasonCount> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_REASONS).map(entry -> new ReasonCount(entry.getKey(), entry.getValue())).toList();
    }

    /** The oldest of a stage's candidates (by their send's request), or none. */
    public static OldestItem oldestOf(Stage stage, List<Send> candidates, Instant now) {
        return candidates.stream()
                .flatMap(send -> send.recipients().stream().filter(r -> r.status() == stage.status())
                        .map(r -> new OldestItem(stage, send.tenantId(), send.id(), r.recipientId(), send.requestedAt(),
                                Duration.between(send.requestedAt(), now).toSeconds())))
                .min(Comparator.comparing(OldestItem::since).thenComparing(OldestItem::sendId))
                .orElse(null);
    }
}
