package com.invoicedelivery.invoice.suppression.domain;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * An address of the tenant's clients that hard-bounced or complained: the tenant's bulk sends skip it unless the
 * tenant confirms it, and the preview flags it. One per tenant and address (letter case aside); the latest report
 * stands.
 *
 * @param kind   {@code HARD} (bounced) or {@code COMPLAINT}
 * @param reason the remote server's words, or the complaint's feedback type
 * @param since  when the report was read
 * @param sendId the send whose e-mail came back
 */
public record SuppressedAddress(String tenantId, String email, String kind, String reason, Instant since,
                                String sendId) {

    /** The address as compared: trimmed, lower case. */
    public static String normalized(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** "bounced on 2026-12-06: 550 5.1.1 …", as the preview shows it. */
    public String note() {
        String what = "COMPLAINT".equals(kind) ? "complained on " : "bounced on ";
        return what + since.atOffset(ZoneOffset.UTC).toLocalDate() + (reason == null ? "" : ": " + reason);
    }
}
