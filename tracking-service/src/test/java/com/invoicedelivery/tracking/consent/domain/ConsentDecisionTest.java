package com.invoicedelivery.tracking.consent.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.ClientActivity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ConsentDecisionTest {

    @Test
    void theFormsTwoButtonsAreTheTwoDecisions() {
        assertThat(ConsentDecision.fromFormValue("give")).contains(ConsentDecision.GIVEN);
        assertThat(ConsentDecision.fromFormValue("refuse")).contains(ConsentDecision.REFUSED);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"GIVEN", "yes", "Give "})
    void anythingElseIsNoDecision(String value) {
        assertThat(ConsentDecision.fromFormValue(value)).isEmpty();
    }

    @Test
    void eachDecisionIsRecordedAsItsOwnActivity() {
        assertThat(ConsentDecision.GIVEN.activity()).isEqualTo(ClientActivity.CONSENT_GIVEN);
        assertThat(ConsentDecision.REFUSED.activity()).isEqualTo(ClientActivity.CONSENT_REFUSED);
    }
}
