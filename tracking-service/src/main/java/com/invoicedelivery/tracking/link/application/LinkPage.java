package com.invoicedelivery.tracking.link.application;

import com.invoicedelivery.tracking.consent.domain.ConsentDecision;
import com.invoicedelivery.tracking.link.domain.Link;

/**
 * What a link's page shows.
 *
 * @param answer   the address's answer to the tenant's consent request as it stands, null before it answered (the
 *                 page then asks it and shows no invoice data)
 * @param pageLoad the id of the OPENED entry this page load was recorded as (its beacon names it), null when
 *                 nothing was recorded
 */
public record LinkPage(Link link, ConsentDecision answer, String pageLoad) {

    public LinkPage(Link link, boolean consentDue) {
        this(link, consentDue ? null : ConsentDecision.GIVEN, null);
    }

    /** The address has not answered the tenant's consent request: the page asks it and shows no invoice data. */
    public boolean consentDue() {
        return answer == null;
    }

    /** The address refused (or withdrew) consent: the page has no beacon and nothing behavioural is recorded. */
    public boolean refused() {
        return answer == ConsentDecision.REFUSED;
    }
}
