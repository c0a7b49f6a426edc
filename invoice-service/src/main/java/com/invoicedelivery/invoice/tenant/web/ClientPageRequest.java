package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.tenant.domain.ClientPage;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code PUT /api/settings/client-page}: what the tenant's clients see on their link pages besides the invoice. Every
 * part optional; what is left out (or blank) is shown no more.
 */
record ClientPageRequest(
        @Schema(description = "The tenant's privacy notice: https, at most 500 characters; blank: none.",
                example = "https://acme.example/privacy")
        String privacyNoticeUrl,
        @Schema(description = "How clients reach the tenant; every part optional.")
        ContactBody contact) {

    record ContactBody(
            @Schema(description = "A plain e-mail address.", example = "office@acme.example")
            String email,
            @Schema(description = "Digits, spaces and + - ( ) / . with at least 6 digits.", example = "+359 2 123 4567")
            String phone,
            @Schema(description = "At most 300 characters; line breaks allowed.", example = "ул. „Тестова“ 1, София")
            String address) {
    }

    /** @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming each broken field */
    ClientPage toClientPage() {
        ContactBody given = contact == null ? new ContactBody(null, null, null) : contact;
        return ClientPage.of(privacyNoticeUrl, given.email(), given.phone(), given.address());
    }
}
