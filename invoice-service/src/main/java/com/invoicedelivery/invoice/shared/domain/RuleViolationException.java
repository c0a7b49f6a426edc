package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

/** What was asked breaks a rule; each violation names its field. Nothing was changed. */
public class RuleViolationException extends RuntimeException {

    private final List<RuleViolation> violations;

    public RuleViolationException(List<RuleViolation> violations) {
        super(RuleViolation.summary(violations));
        this.violations = List.copyOf(violations);
    }

    public RuleViolationException(String field, String message) {
        this(List.of(new RuleViolation(field, message)));
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
