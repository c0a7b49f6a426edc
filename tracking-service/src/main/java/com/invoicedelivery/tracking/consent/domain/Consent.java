package com.invoicedelivery.tracking.consent.domain;

import java.time.Instant;

/**
 * The answer of one client address to one tenant, asked once: the first answer stands, except that consent given
 * can be withdrawn later (from any page of the tenant's links), which makes it a refusal from then on.
 *
 * @param email       lower case
 * @param linkId      the link (token hash) on whose page the answer was given
 * @param withdrawnAt when consent given was withdrawn (the decision is REFUSED since), null otherwise
 */
public record Consent(String tenantId, String email, ConsentDecision decision, Instant decidedAt, String linkId,
                      Instant withdrawnAt) {

    public Consent(String tenantId, String email, ConsentDecision decision, Instant decidedAt, String linkId) {
        this(tenantId, email, decision, decidedAt, linkId, null);
    }
}
