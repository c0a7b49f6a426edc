package com.invoicedelivery.invoice.tenant.web;

import com.invoicedelivery.invoice.tenant.domain.ClientPage;

/**
 * {@code PUT /api/settings/client-page}: what the tenant's clients see on their link pages besides the invoice. Every
 * part optional; what is left out (or blank) is shown no more.
 */
record ClientPageRequest(String privacyNoticeUrl, ContactBody contact) {

    record ContactBody(String email, String phone, String address) {
    }

    /** @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming each broken field */
    ClientPage toClientPage() {
        ContactBody given = contact == null ? new ContactBody(null, null, null) : contact;
        return ClientPage.of(privacyNoticeUrl, given.email(), given.phone(), given.address());
    }
}
