package com.invoicedelivery.tracking.link.application;

import com.invoicedelivery.tracking.link.domain.Link;

/**
 * What a link's page shows.
 *
 * @param consentDue true when the address has not answered the tenant's consent request: the page asks it
 *                   and shows no invoice data
 */
public record LinkPage(Link link, boolean consentDue) {
}
