package com.invoicedelivery.mail.notification.domain;

import java.time.Instant;
import java.util.List;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.Language;

/**
 * Whom the platform tells, and in which language, when a client answers one of the tenant's invoices on its page.
 *
 * @param addresses the tenant's notification addresses; empty: the tenant's company e-mail (the send's reply-to
 *                  address, the address the tenant gave as its own)
 * @param language  the language of the notices (the tenant's, not its clients')
 * @param onAccept  whether a client's Accept is notified
 * @param onReturn  whether a client's Return (with its reason) is notified
 * @param updatedAt when the tenant last changed them; null for the defaults
 */
public record NotificationSettings(String tenantId, List<String> addresses, Language language, boolean onAccept,
                                   boolean onReturn, Instant updatedAt) {

    /** Until a tenant says otherwise: both answers notified, in Bulgarian, to its company e-mail. */
    public static final Language DEFAULT_LANGUAGE = Language.BG;

    public NotificationSettings {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        language = language == null ? DEFAULT_LANGUAGE : language;
    }

    public static NotificationSettings defaults(String tenantId) {
        return new NotificationSettings(tenantId, List.of(), DEFAULT_LANGUAGE, true, true, null);
    }

    /** Whether the tenant wants to hear of {@code activity} (Accept or Return; nothing else is ever notified). */
    public boolean notifies(ClientActivity activity) {
        return switch (activity) {
            case ACCEPTED -> onAccept;
            case RETURNED -> onReturn;
            default -> false;
        };
    }

    /** The addresses a notice goes to: the tenant's own, or else {@code companyEmail}; empty when there is neither. */
    public List<String> recipients(String companyEmail) {
        if (!addresses.isEmpty()) {
            return addresses;
        }
        return companyEmail == null || companyEmail.isBlank() ? List.of() : List.of(companyEmail.strip());
    }
}
