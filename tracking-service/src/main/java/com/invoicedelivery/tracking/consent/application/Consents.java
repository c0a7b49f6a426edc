package com.invoicedelivery.tracking.consent.application;

import java.time.Instant;
import java.util.Optional;

import com.invoicedelivery.tracking.consent.domain.Consent;
import com.invoicedelivery.tracking.consent.domain.ConsentDecision;
import com.invoicedelivery.tracking.consent.persistence.ConsentStore;

/** Whether a client address has answered a tenant's request for consent, and recording its answer. */
public class Consents {

    private final ConsentStore store;

    public Consents(ConsentStore store) {
        this.store = store;
    }

    /** The address's answer to this tenant as it stands now; empty before it answered. */
    public Optional<ConsentDecision> decision(String tenantId, String email) {
        return store.find(tenantId, email).map(Consent::decision);
    }

    /** True when the address has not answered this tenant yet: its pages must ask before showing invoice data. */
    public boolean isDue(String tenantId, String email) {
        return !store.exists(tenantId, email);
    }

    /** Records the answer if it is the address's first to this tenant; true when it was recorded. */
    public boolean record(Consent consent) {
        return store.insertIfFirst(consent);
    }

    /** Withdraws consent given: a refusal from {@code at} on. False when there was no consent given to withdraw. */
    public boolean withdraw(String tenantId, String email, Instant at) {
        return store.withdraw(tenantId, email, at);
    }
}
