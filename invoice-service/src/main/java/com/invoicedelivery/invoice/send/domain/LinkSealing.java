package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.events.SealedLinkContent;

/**
 * Seals a personal link for mail-dispatch-service alone (its public key; see {@code kit.seal}): the link leaves
 * this service only in that form, so neither the bus, its dead-letter topics nor this service's outbox hold it in
 * clear.
 */
@FunctionalInterface
public interface LinkSealing {

    /** The compact JWE of {@code content}. */
    String seal(SealedLinkContent content);
}
