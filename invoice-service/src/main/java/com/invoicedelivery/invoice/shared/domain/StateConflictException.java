package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

/**
 * What was asked conflicts with the current state of what it names (sending a Draft, two Drafts in one send).
 * Nothing was changed. The fields it is about are listed when known.
 */
public class StateConflictException extends RuntimeException {

    private final List<RuleViolation> violations;

    public StateConflictException(String message) {
        super(message);
        this.violations = List.of();
    }

    public StateConflictException(String field, String message) {
        this(List.of(new RuleViolation(field, message)));
    }

    public StateConflictException(List<RuleViolation> violations) {
        super(RuleViolation.summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
