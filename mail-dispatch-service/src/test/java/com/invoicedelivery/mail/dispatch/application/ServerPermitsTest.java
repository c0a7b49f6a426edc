package com.invoicedelivery.mail.dispatch.application;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.junit.jupiter.api.Test;

class ServerPermitsTest {

    private static final String HANGING = SmtpServer.ofTenant("hanging");

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final ServerPermits permits = new ServerPermits(4, 2);

    @Test
    void aTenantServerIsBusyAtItsLimitAndFreeAgainWhenAMessageEnds() {
        permits.take(HANGING);
        assertThat(permits.busy(NOW)).isEmpty();
        permits.take(HANGING);
        assertThat(permits.busy(NOW)).containsExactly(HANGING);

        permits.release(HANGING);

        assertThat(permits.busy(NOW)).isEmpty();
        assertThat(permits.inFlight(HANGING)).isEqualTo(1);
    }

    @Test
    void thePlatformsServerTakesAsManyAsThereAreWorkers() {
        for (int i = 0; i < 3; i++) {
            permits.take(SmtpServer.PLATFORM);
        }
        assertThat(permits.busy(NOW)).isEmpty();
        permits.take(SmtpServer.PLATFORM);
        assertThat(permits.busy(NOW)).containsExactly(SmtpServer.PLATFORM);
    }

    @Test
    void releasingTheLastMessageForgetsTheServer() {
        permits.take(HANGING);
        permits.release(HANGING);
        permits.release(HANGING);

        assertThat(permits.inFlight(HANGING)).isZero();
    }

    @Test
    void aServerWithoutAFreeSharedSlotIsLeftOutUntilTheHoldBackEnds() {
        permits.holdBack(HANGING, NOW.plusSeconds(1));

        assertThat(permits.busy(NOW)).containsExactly(HANGING);
        assertThat(permits.busy(NOW.plus(Duration.ofSeconds(1)))).isEmpty();
    }
}
