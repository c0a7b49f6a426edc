package com.invoicedelivery.mail.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class InterruptedAttemptsTest {

    private static final Instant NOW = Jobs.CREATED.plusSeconds(3600);

    @Test
    void aFirstInterruptedAttemptIsPublishedAsOutcomeUnknownAndResentAtOnce() {
        Transition next = InterruptedAttempts.afterExpiredLease(Jobs.claimed(1, false), NOW);

        assertThat(next.state()).isEqualTo(JobState.OUTCOME_UNKNOWN);
        assertThat(next.nextAttemptAt()).isEqualTo(NOW);
        assertThat(next.reason()).contains("attempt 1 was interrupted").contains("same Message-ID");
    }

    @Test
    void aSecondInterruptedAttemptIsNotResentButFailsForAPersonToLookAt() {
        Transition next = InterruptedAttempts.afterExpiredLease(Jobs.claimed(2, true), NOW);

        assertThat(next.state()).isEqualTo(JobState.FAILED);
        assertThat(next.nextAttemptAt()).isNull();
        assertThat(next.reason()).contains("attempt 2 was interrupted too").contains("not sent again");
    }
}
