package com.invoicedelivery.invoice.shared.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects everything wrong with one request, each named by its JSON path, so one answer lists every problem.
 * A nested collector prefixes its fields ({@code company.}, {@code lines[3].}), which lets the same rules check
 * a value on its own and inside a larger request (a batch, an import). A broken size limit of the API contract is
 * remembered with its value, so the answer can say which limit it was ({@link LimitExceededException}).
 */
public final class Violations {

    /** What a collector and its nested collectors found together. */
    private static final class Found {
        private final List<RuleViolation> violations = new ArrayList<>();
        private RuleViolation exceeded;
        private int limit;
    }

    private final String prefix;
    private final Found found;

    public Violations() {
        this("", new Found());
    }

    private Violations(String prefix, Found found) {
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

    /** The full name of {@code field} in the request, e.g. {@code invoices[2].recipients}. */
    public String path(String field) {
        return prefix + field;
    }

    public void add(String field, String message) {
        found.violations.add(new RuleViolation(path(field), message));
    }

    /** Adds the violation unless {@code met}; returns {@code met}. */
    public boolean check(boolean met, String field, String message) {
        if (!met) {
            add(field, message);
        }
        return met;
    }

    /**
     * A size limit of the API (items in a list, characters in a text): {@code size} must not exceed {@code limit}.
     * The first limit broken is the one the answer names.
     */
    public boolean withinLimit(int size, int limit, String field, String message) {
        if (size <= limit) {
            return true;
        }
        RuleViolation violation = new RuleViolation(path(field), message);
        found.violations.add(violation);
        if (found.exceeded == null) {
            found.exceeded = violation;
            found.limit = limit;
        }
        return false;
    }

    /** A required text: present and not blank, at most {@code maxLength} characters. */
    public boolean requireText(String value, String field, int maxLength) {
        return check(!Texts.isBlank(value), field, "is required") && optionalText(value, field, maxLength);
    }

    /** An optional text: when present, at most {@code maxLength} characters. */
    public boolean optionalText(String value, String field, int maxLength) {
        return value == null
                || withinLimit(value.strip().length(), maxLength, field, "must be at most " + maxLength + " characters");
    }

    /** A name shown to people (a client's, a tenant's, an e-mail subject): no bidirectional formatting. */
    public boolean displayable(String value, String field) {
        return check(!Texts.hasBidiControls(value), field, "must not contain bidirectional control characters");
    }

    /** An id that names something of the caller's (an invoice, a client): present, short, on one line. */
    public boolean requireId(String value, String field) {
        return requireText(value, field, Texts.MAX_ID_LENGTH)
                && check(!Texts.hasControlCharacters(value), field, "must not contain control characters");
    }

    public boolean requirePresent(Object value, String field) {
        return check(value != null, field, "is required");
    }

    public boolean isEmpty() {
        return found.violations.isEmpty();
    }

    public List<RuleViolation> list() {
        return List.copyOf(found.violations);
    }

    /**
     * Refuses the request with every violation found, if there is any: as a {@link LimitExceededException} when a
     * size limit was broken, else as a rule violation.
     */
    public void throwIfAny() {
        if (found.exceeded != null) {
            throw new LimitExceededException(found.violations, found.exceeded, found.limit);
        }
        if (!found.violations.isEmpty()) {
            throw new RuleViolationException(found.violations);
        }
    }
}
