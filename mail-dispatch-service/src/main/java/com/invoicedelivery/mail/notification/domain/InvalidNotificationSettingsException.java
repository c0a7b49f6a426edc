package com.invoicedelivery.mail.notification.domain;

import java.util.List;

/** Notification settings a tenant admin sent break a rule; nothing was stored. The web layer answers 400. */
public class InvalidNotificationSettingsException extends RuntimeException {

    /** One field that is wrong: its name in the request body, and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidNotificationSettingsException(List<Violation> violations) {
        super(violations.get(0).field() + ": " + violations.get(0).message()
                + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : ""));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
