package com.invoicedelivery.invoice.shared.domain;

import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.kit.problem.FieldViolation;
import com.invoicedelivery.kit.problem.InvalidInputException;

/**
 * Collects everything wrong with one request, each named by its JSON path, so one answer lists every problem.
 * A nested collector prefixes its fields ({@code company.}, {@code lines[3].}), which lets the same rules check
 * a value on its own and inside a larger request (a batch, an import).
 */
public final class Violations {

    private final String prefix;
    private final List<FieldViolation> found;

    public Violations() {
        this("", new ArrayList<>());
    }

    private Violations(String prefix, List<FieldViolation> found) {
        this.prefix = prefix;
        this.found = found;
    }

    /** A collector for the fields of {@code path}, adding to the same list. */
    public Violations nested(String path) {
        return new Violations(prefix + path + ".", found);
    }

    /** A collector for the fields of element {@code index} of the list {@code path}. */
    public Violations element(String path, int index) {
        return new Violations(prefix + path + "[" + index + "].", found);
    }

    public void add(String field, String message) {
        found.add(new FieldViolation(prefix + field, message));
    }

    /** Adds the violation unless {@code met}; returns {@code met}. */
    public boolean check(boolean met, String field, String message) {
        if (!met) {
            add(field, message);
        }
        return met;
    }

    /** A required text: present and not blank, at most {@code maxLength} characters. */
    public boolean requireText(String value, String field, int maxLength) {
        return check(!Texts.isBlank(value), field, "is required") && optionalText(value, field, maxLength);
    }

    /** An optional text: when present, at most {@code maxLength} characters. */
    public boolean optionalText(String value, String field, int maxLength) {
        return check(value == null || value.strip().length() <= maxLength, field,
                "must be at most " + maxLength + " characters");
    }

    public boolean requirePresent(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public List<FieldViolation> list() {
        return List.copyOf(found);
    }

    /** Refuses the request with every violation found, if there is any. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidInputException(found);
        }
    }
}
