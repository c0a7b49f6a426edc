package com.invoicedelivery.kit.problem;

import java.util.List;

/**
 * The request conflicts with the resource's current state (409), e.g. sending a Draft invoice. Nothing was
 * changed. When a field is named, the problem lists it like an invalid input does.
 */
public class ConflictException extends RuntimeException {

    private final List<FieldViolation> violations;

    public ConflictException(String message) {
        super(message);
        this.violations = List.of();
    }

    public ConflictException(String field, String message) {
        super(field + ": " + message);
        this.violations = List.of(new FieldViolation(field, message));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
