package com.invoicedelivery.invoice.shared.domain;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.InvalidInputException;

/**
 * A request broke a size limit of the API (e.g. more than 200 invoices in one send). An invalid input like any
 * other (400, nothing changed), whose problem also says which limit it was and its value ({@code limit}).
 */
public class LimitExceededException extends InvalidInputException {

    private final FieldViolation exceeded;
    private final int limit;

    public LimitExceededException(List<FieldViolation> violations, FieldViolation exceeded, int limit) {
        super(exceededFirst(violations, exceeded));
        this.exceeded = exceeded;
        this.limit = limit;
    }

    public FieldViolation exceeded() {
        return exceeded;
    }

    public int limit() {
        return limit;
    }

    private static List<FieldViolation> exceededFirst(List<FieldViolation> violations, FieldViolation exceeded) {
        List<FieldViolation> ordered = new ArrayList<>(List.of(exceeded));
        violations.stream().filter(violation -> violation != exceeded).forEach(ordered::add);
        return ordered;
    }
}
