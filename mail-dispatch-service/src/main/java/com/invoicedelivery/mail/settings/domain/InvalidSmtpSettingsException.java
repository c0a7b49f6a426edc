package com.invoicedelivery.mail.settings.domain;

import java.util.List;

/**
 * SMTP settings a tenant admin sent break a rule; nothing was stored or tried. Named field by field, and never
 * repeating the password. The web layer answers it as an invalid request.
 */
public class InvalidSmtpSettingsException extends RuntimeException {

    /** One field that is wrong: its name in the request body, and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidSmtpSettingsException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("invalid settings name at least one violation");
        }
        Violation first = violations.get(0);
        String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
        return first.field() + ": " + first.message() + more;
    }
}
