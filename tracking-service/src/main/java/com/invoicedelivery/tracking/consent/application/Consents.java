package com.invoicedelivery.tracking.consent.application;

import com.invoicedelivery.tracking.consent.domain.Consent;
import com.invoicedelivery.tracking.consent.persistence.ConsentStore;

/** Whether a client address has answered a tenant's request for consent, and recording its answer. */
public class Consents {

    private final ConsentStore store;

    public Consents(ConsentStore store) {
        this.store = store;
    }

    /** True when the address has not answered this tenant yet: its pages must ask before showing invoice data. */
    public boolean isDue(String tenantId, String email) {
        return !store.exists(tenantId, email);
    }

    /** Records the answer if it is the address's first to this tenant; true when it was recorded. */
    public boolean record(Consent consent) {
        return store.insertIfFirst(consent);
    }
}
