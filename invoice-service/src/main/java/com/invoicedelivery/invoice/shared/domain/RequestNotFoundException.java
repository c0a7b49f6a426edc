package com.invoicedelivery.invoice.shared.domain;

import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.NotFoundException;

/**
 * Something a request names (e.g. {@code invoices[3].invoiceId}) does not exist for the caller (404, nothing
 * changed). The problem lists each such field.
 */
public class RequestNotFoundException extends NotFoundException {

    private final List<FieldViolation> violations;

    public RequestNotFoundException(String what, List<FieldViolation> violations) {
        super(what, violations.stream().map(FieldViolation::field).toList().toString());
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
