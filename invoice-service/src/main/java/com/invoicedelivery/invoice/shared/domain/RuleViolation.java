package com.invoicedelivery.invoice.shared.domain;

/**
 * One thing wrong with what was asked, named by the field it is about.
 *
 * @param field a path into the request, e.g. {@code invoices[3].recipients[0]}, or a parameter's name
 */
public record RuleViolation(String field, String message) {

    /** "field: message (and N more)", for the message of an exception that lists violations. */
    static String summary(java.util.List<RuleViolation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("name at least one violation");
        }
        RuleViolation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
