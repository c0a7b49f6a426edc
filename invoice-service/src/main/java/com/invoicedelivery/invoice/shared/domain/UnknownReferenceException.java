package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

/**
 * Things a request names (e.g. {@code invoices[3].invoiceId}) do not exist for the caller. Nothing was changed;
 * each such field is listed.
 */
public class UnknownReferenceException extends RuntimeException {

    private final List<RuleViolation> violations;

    public UnknownReferenceException(String what, List<RuleViolation> violations) {
        super(what + " " + violations.stream().map(RuleViolation::field).toList() + " was not found");
        this.violations = List.copyOf(violations);
    }

    public List<RuleViolation> violations() {
        return violations;
    }
}
