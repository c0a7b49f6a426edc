package com.invoicedelivery.invoice.shared.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A request broke a size limit of the API (e.g. more than 200 invoices in one send). A rule violation like any
 * other (nothing changed), whose problem also says which limit it was and its value ({@code limit}).
 */
public class LimitExceededException extends RuleViolationException {

    private final RuleViolation exceeded;
    private final int limit;

    public LimitExceededException(List<RuleViolation> violations, RuleViolation exceeded, int limit) {
        super(exceededFirst(violations, exceeded));
        this.exceeded = exceeded;
        this.limit = limit;
    }

    public RuleViolation exceeded() {
        return exceeded;
    }

    public int limit() {
        return limit;
    }

    private static List<RuleViolation> exceededFirst(List<RuleViolation> violations, RuleViolation exceeded) {
        List<RuleViolation> ordered = new ArrayList<>(List.of(exceeded));
        violations.stream().filter(violation -> violation != exceeded).forEach(ordered::add);
        return ordered;
    }
}
