package com.invoicedelivery.tracking.consent.domain;

import java.time.Instant;

/**
 * The answer of one client address to one tenant, asked once: the first answer stands.
 *
 * @param email       lower case
 * @param linkId      the link (token hash) on whose page the answer was given
 */
public record Consent(String tenantId, String email, ConsentDecision decision, Instant decidedAt, String linkId) {
}
