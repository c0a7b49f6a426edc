package com.invoicedelivery.mail.dispatch.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.TestSends;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poller's pace with a queue that has no work, and a kick still starting a new job at once. */
class DispatchWorkersTest {

    private final JobStore jobs = mock(JobStore.class);
    private final JobDelivery delivery = mock(JobDelivery.class);
    private final LeaseRecovery leases = mock(LeaseRecovery.class);
    private DispatchWorkers workers;

    private void start(Duration pollInterval, Duration idlePollInterval) {
        given(jobs.claimNext(any(), any(), any())).willReturn(Optional.empty());
        workers = new DispatchWorkers(jobs, delivery, leases, new DispatchProperties(2, 1, pollInterval,
                idlePollInterval, Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofHours(2),
                Duration.ofHours(24)), Clock.systemUTC());
        workers.start();
    }

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void aQueueWithNoWorkIsLookedAtLessAndLessOften() throws InterruptedException {
        start(Duration.ofMillis(20), Duration.ofMillis(320));

        Thread.sleep(1_500);

        // every 20 ms that would be about 75 looks; slowing down (20, 40, 80, 160, 320, 320 …) about 8
        long looks = mockingDetails(leases).getInvocations().size();
        assertThat(looks).isBetween(3L, 20L);
    }

    @Test
    void aKickStartsAJobAtOnceWhileThePollsHaveSlowedDown() {
        start(Duration.ofSeconds(30), Duration.ofMinutes(1));
        verify(leases, timeout(10_000)).recover(); // the first look, at the start; the next one in a minute
        DispatchJob job = DispatchJob.queued("acme", "send-1", "inv-1", "client-1", "r-1", SmtpServer.PLATFORM,
                MessageIds.newMessageId("invoicedelivery.test"),
                TestSends.linkEmail("k@beta.example", "http://localhost:8084/l/t", "acme", "send-1", "r-1"),
                Instant.now());
        given(jobs.claimNext(any(), any(), any())).willReturn(Optional.of(job), Optional.empty());
        given(delivery.deliver(job)).willReturn(true);

        workers.kick();

        verify(delivery, timeout(10_000)).deliver(job);
    }
}
