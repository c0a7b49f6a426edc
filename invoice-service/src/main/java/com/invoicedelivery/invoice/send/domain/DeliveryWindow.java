package com.invoicedelivery.invoice.send.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.invoice.shared.domain.LimitExceededException;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;

/**
 * The sends requested in {@code [from, to)}, which the delivery overview counts. At most {@link #MAX_DAYS} days, so
 * an overview reads a bounded number of days of sends; a send is found by the UTC day it was requested on (its
 * {@code requestedDay}), so a window is looked up as the few days it touches.
 */
public record DeliveryWindow(Instant from, Instant to) {

    public static final int MAX_DAYS = 31;
    static final Duration DEFAULT_LENGTH = Duration.ofHours(24);

    /**
     * @param from ISO-8601 instant ({@code 2026-12-01T00:00:00Z}); null or blank: 24 hours before {@code to}
     * @param to   ISO-8601 instant; null or blank: now
     * @throws RuleViolationException when either is no instant, or {@code from} is not before {@code to}
     * @throws LimitExceededException when the window is longer than {@link #MAX_DAYS} days
     */
    public static DeliveryWindow of(String from, String to, Instant now) {
        List<RuleViolation> violations = new ArrayList<>();
        Instant end = parse(to, "to", now, violations);
        Instant start = parse(from, "from", end == null ? null : end.minus(DEFAULT_LENGTH), violations);
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations);
        }
        if (!start.isBefore(end)) {
            throw new RuleViolationException("from", "must be before to");
        }
        if (Duration.between(start, end).compareTo(Duration.ofDays(MAX_DAYS)) > 0) {
            RuleViolation tooLong = new RuleViolation("from", "the window from from to to may be at most " + MAX_DAYS
                    + " days long");
            throw new LimitExceededException(List.of(tooLong), tooLong, MAX_DAYS);
        }
        return new DeliveryWindow(start, end);
    }

    /** The UTC days the window touches, as sends store them ({@code 2026-12-06}): at most {@code MAX_DAYS + 1}. */
    public List<String> days() {
        List<String> days = new ArrayList<>();
        LocalDate last = to.minusNanos(1).atZone(ZoneOffset.UTC).toLocalDate();
        for (LocalDate day = from.atZone(ZoneOffset.UTC).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            days.add(day.toString());
        }
        return days;
    }

    public boolean contains(Instant at) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    /** The day a send requested at {@code at} is stored under. */
    public static String dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static Instant parse(String text, String field, Instant otherwise, List<RuleViolation> violations) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            violations.add(new RuleViolation(field, "must be an ISO-8601 instant, e.g. 2026-12-01T00:00:00Z"));
            return null;
        }
    }
}
