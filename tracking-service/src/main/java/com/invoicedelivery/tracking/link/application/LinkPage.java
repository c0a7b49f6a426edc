package com.invoicedelivery.tracking.link.application;

import com.invoicedelivery.tracking.link.domain.Link;

/**
 * What a link's page shows.
 *
 * @param consentDue true when the address has not answered the tenant's consent request: the page asks it
 *                   and shows no invoice data
 * @param pageLoad   the id of the OPENED entry this page load was recorded as (its beacon names it), null when
 *                   nothing was recorded
 */
public record LinkPage(Link link, boolean consentDue, String pageLoad) {

    public LinkPage(Link link, boolean consentDue) {
        this(link, consentDue, null);
    }
}
