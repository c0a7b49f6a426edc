package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

import com.invoicedelivery.kit.problem.ConflictException;
import com.invoicedelivery.kit.problem.FieldViolation;

/** Several things a request names conflict with their state (409, nothing changed), e.g. two Drafts in one send. */
public class RequestConflictException extends ConflictException {

    private final List<FieldViolation> violations;

    public RequestConflictException(List<FieldViolation> violations) {
        super(violations.get(0).field(), violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<FieldViolation> violations() {
        return violations;
    }
}
