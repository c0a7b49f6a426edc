package com.invoicedelivery.tracking.consent.domain;

import java.util.Optional;

import com.invoicedelivery.events.ClientActivity;

/** A client address's answer to the request for consent to the processing of its personal data. */
public enum ConsentDecision {
    GIVEN("give", ClientActivity.CONSENT_GIVEN),
    REFUSED("refuse", ClientActivity.CONSENT_REFUSED);

    private final String formValue;
    private final ClientActivity activity;

    ConsentDecision(String formValue, ClientActivity activity) {
        this.formValue = formValue;
        this.activity = activity;
    }

    /** The decision a consent form's button sends ({@code give} or {@code refuse}); empty for anything else. */
    public static Optional<ConsentDecision> fromFormValue(String value) {
        for (ConsentDecision decision : values()) {
            if (decision.formValue.equals(value)) {
                return Optional.of(decision);
            }
        }
        return Optional.empty();
    }

    public ClientActivity activity() {
        return activity;
    }
}
