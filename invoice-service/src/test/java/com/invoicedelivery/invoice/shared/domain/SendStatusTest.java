package com.invoicedelivery.invoice.shared.domain;

import static com.invoicedelivery.invoice.shared.domain.SendStatus.ACCEPTED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.BOUNCED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.DEFERRED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.FAILED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.OPENED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.OUTCOME_UNKNOWN;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.RENDERED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.REQUESTED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.RETURNED;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.SENT;
import static com.invoicedelivery.invoice.shared.domain.SendStatus.VIEWED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SendStatusTest {

    @ParameterizedTest(name = "{0} then {1} is {2}")
    @CsvSource({
            "REQUESTED, RENDERED, RENDERED",
            "RENDERED, SENT, SENT",
            "SENT, OPENED, OPENED",
            "OPENED, VIEWED, VIEWED",
            "VIEWED, ACCEPTED, ACCEPTED",
            "VIEWED, RETURNED, RETURNED",
            "SENT, BOUNCED, BOUNCED",
            "REQUESTED, BOUNCED, BOUNCED",
            "BOUNCED, SENT, BOUNCED",
            "BOUNCED, FAILED, BOUNCED",
            "BOUNCED, OPENED, OPENED",
            "OPENED, BOUNCED, OPENED",
            // late or out of order: never backwards
            "OPENED, SENT, OPENED",
            "SENT, RENDERED, SENT",
            "ACCEPTED, OPENED, ACCEPTED",
            "SENT, DEFERRED, SENT",
            // a client decides once
            "ACCEPTED, RETURNED, ACCEPTED",
            "RETURNED, ACCEPTED, RETURNED",
            // retrying: the latest attempt's state
            "DEFERRED, OUTCOME_UNKNOWN, OUTCOME_UNKNOWN",
            "OUTCOME_UNKNOWN, DEFERRED, DEFERRED",
            "DEFERRED, SENT, SENT",
            // FAILED replaces only what is below SENT
            "REQUESTED, FAILED, FAILED",
            "RENDERED, FAILED, FAILED",
            "DEFERRED, FAILED, FAILED",
            "OUTCOME_UNKNOWN, FAILED, FAILED",
            "SENT, FAILED, SENT",
            "OPENED, FAILED, OPENED",
            "FAILED, DEFERRED, FAILED",
            "FAILED, RENDERED, FAILED",
    })
    void aStatusOnlyMovesForwards(SendStatus current, SendStatus reported, SendStatus expected) {
        assertThat(current.advancedBy(reported)).isEqualTo(expected);
    }

    @Test
    void aSendIsAsFarAsItsMostAdvancedRecipient() {
        assertThat(SendStatus.mostAdvanced(List.of(FAILED, OPENED, DEFERRED))).isEqualTo(OPENED);
        assertThat(SendStatus.mostAdvanced(List.of(FAILED, DEFERRED))).isEqualTo(FAILED);
        assertThat(SendStatus.mostAdvanced(List.of(RENDERED, SENT, VIEWED))).isEqualTo(VIEWED);
        assertThat(SendStatus.mostAdvanced(List.of(RETURNED, ACCEPTED))).isEqualTo(RETURNED);
        assertThat(SendStatus.mostAdvanced(List.of(OUTCOME_UNKNOWN, REQUESTED))).isEqualTo(OUTCOME_UNKNOWN);
        assertThat(SendStatus.mostAdvanced(List.of())).isEqualTo(REQUESTED);
    }

    @Test
    void onlyDeferredAndOutcomeUnknownAreRetrying() {
        assertThat(List.of(SendStatus.values())).filteredOn(SendStatus::isRetrying)
                .containsExactly(DEFERRED, OUTCOME_UNKNOWN);
        assertThat(SENT.isRetrying()).isFalse();
    }

    @Test
    void aBouncedRecipientCountsAsAFailedOneAmongTheSendsRecipients() {
        assertThat(SendStatus.mostAdvanced(List.of(BOUNCED, SENT))).isEqualTo(SENT);
        assertThat(SendStatus.mostAdvanced(List.of(BOUNCED, RENDERED))).isEqualTo(BOUNCED);
        assertThat(SendStatus.mostAdvanced(List.of(BOUNCED))).isEqualTo(BOUNCED);
    }
}
