package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.junit.jupiter.api.Test;

class ServerPermitsTest {

    private static final String HANGING = SmtpServer.ofTenant("hanging");

    private final ServerPermits permits = new ServerPermits(4, 2);

    @Test
    void aTenantServerIsBusyAtItsLimitAndFreeAgainWhenAMessageEnds() {
        permits.take(HANGING);
        assertThat(permits.busy()).isEmpty();
        permits.take(HANGING);
        assertThat(permits.busy()).containsExactly(HANGING);

        permits.release(HANGING);

        assertThat(permits.busy()).isEmpty();
        assertThat(permits.inFlight(HANGING)).isEqualTo(1);
    }

    @Test
    void thePlatformsServerTakesAsManyAsThereAreWorkers() {
        for (int i = 0; i < 3; i++) {
            permits.take(SmtpServer.PLATFORM);
        }
        assertThat(permits.busy()).isEmpty();
        permits.take(SmtpServer.PLATFORM);
        assertThat(permits.busy()).containsExactly(SmtpServer.PLATFORM);
    }

    @Test
    void releasingTheLastMessageForgetsTheServer() {
        permits.take(HANGING);
        permits.release(HANGING);
        permits.release(HANGING);

        assertThat(permits.inFlight(HANGING)).isZero();
    }
}
