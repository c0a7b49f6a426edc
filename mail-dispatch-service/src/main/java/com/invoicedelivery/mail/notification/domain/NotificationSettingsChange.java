package com.invoicedelivery.mail.notification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.mail.settings.domain.NetworkNames;

/**
 * A tenant admin's notification settings ({@code PUT /api/notification-settings}), checked as a whole: every field
 * is required, so a request always says what it wants.
 *
 * @param addresses 0 to {@value #MAX_ADDRESSES} plain e-mail addresses; none: the company e-mail
 * @param language  BG or EN
 */
public record NotificationSettingsChange(List<String> addresses, String language, Boolean onAccept,
                                         Boolean onReturn) {

    public static final int MAX_ADDRESSES = 10;
    static final int MAX_ADDRESS = 254;

    /**
     * The settings this change makes, addresses stripped and each once (letter case aside).
     *
     * @throws InvalidNotificationSettingsException naming every field that breaks a rule (nothing is stored then)
     */
    public NotificationSettings validated(String tenantId, Instant now) {
        List<InvalidNotificationSettingsException.Violation> violations = new ArrayList<>();
        List<String> cleaned = new ArrayList<>();
        if (addresses == null) {
            violations.add(violation("addresses", "is required: a list of e-mail addresses, empty for the company"
                    + " e-mail"));
        } else if (addresses.size() > MAX_ADDRESSES) {
            violations.add(violation("addresses", "must name at most " + MAX_ADDRESSES + " addresses"));
        } else {
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < addresses.size(); i++) {
                String address = addresses.get(i) == null ? null : addresses.get(i).strip();
                if (address == null || address.length() > MAX_ADDRESS || !NetworkNames.isMailAddress(address)) {
                    violations.add(violation("addresses[" + i + "]", "must be a plain e-mail address such as"
                            + " accounting@example.com"));
                } else if (seen.add(address.toLowerCase(Locale.ROOT))) {
                    cleaned.add(address);
                }
            }
        }
        Language chosen = language(violations);
        if (onAccept == null) {
            violations.add(violation("onAccept", "is required: true or false"));
        }
        if (onReturn == null) {
            violations.add(violation("onReturn", "is required: true or false"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidNotificationSettingsException(violations);
        }
        return new NotificationSettings(tenantId, cleaned, chosen, onAccept, onReturn, now);
    }

    private Language language(List<InvalidNotificationSettingsException.Violation> violations) {
        for (Language known : Language.values()) {
            if (known.name().equals(language)) {
                return known;
            }
        }
        violations.add(violation("language", "must be one of " + List.of(Language.values())));
        return null;
    }

    private static InvalidNotificationSettingsException.Violation violation(String field, String message) {
        return new InvalidNotificationSettingsException.Violation(field, message);
    }
}
