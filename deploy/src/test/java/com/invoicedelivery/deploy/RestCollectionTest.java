package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RestCollectionTest {

    private final AtomicLong cpu = new AtomicLong();
    private final AtomicInteger collections = new AtomicInteger();
    private final RestCollection rest = new RestCollection(cpu::get, collections::incrementAndGet,
            RestCollection.WORK, Executors.newSingleThreadScheduledExecutor());

    @Test
    void theLauncherIsCollectedOnceWhenItComesToRestAfterWork() {
        busy(Duration.ofSeconds(60)); // a run: both cores
        assertThat(collections).hasValue(0);

        resting(1);
        assertThat(collections).hasValue(1);

        resting(20); // five minutes at rest
        assertThat(collections).hasValue(1);
    }

    @Test
    void nothingIsCollectedWhileTheLauncherWorks() {
        busy(Duration.ofMinutes(10));

        assertThat(collections).hasValue(0);
    }

    @Test
    void atRestTheLauncherIsCollectedOnlyOnceItsIdleWorkAddsUpToARunsWorth() {
        Duration idling = Duration.ofMillis(600); // 4 % of a core over one check
        long checksUntilWork = RestCollection.WORK.toMillis() / idling.toMillis();
        for (long check = 1; check < checksUntilWork; check++) {
            step(idling);
        }
        assertThat(collections).hasValue(0);

        step(idling);
        assertThat(collections).hasValue(1);
    }

    @Test
    void inThisProcessItCountsThisProcesssCpuAndRunsARealCollection() {
        long collectedBefore = collectionsOfThisJvm();
        try (RestCollection watching = RestCollection.forThisProcess(Duration.ofMillis(1))) {
            watching.check();
            long collectedAfterFirstCheck = collectionsOfThisJvm();
            burnCpu(Duration.ofMillis(50));

            watching.check();

            assertThat(collectionsOfThisJvm()).isGreaterThan(Math.max(collectedBefore, collectedAfterFirstCheck));
        }
    }

    private static long collectionsOfThisJvm() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }

    /** Bounded: at most {@code duration} of wall-clock time. */
    private static void burnCpu(Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long sum = 0;
        while (System.nanoTime() < end) {
            sum += Long.numberOfTrailingZeros(System.nanoTime());
        }
        assertThat(sum).isNotNegative();
    }

    private void busy(Duration duration) {
        for (long checks = duration.toNanos() / RestCollection.CHECK.toNanos(); checks > 0; checks--) {
            step(RestCollection.CHECK.multipliedBy(2)); // both cores
        }
    }

    private void resting(int checks) {
        for (int check = 0; check < checks; check++) {
            step(Duration.ofMillis(450)); // 3 % of a core
        }
    }

    private void step(Duration cpuUsed) {
        cpu.addAndGet(cpuUsed.toNanos());
        rest.check();
    }
}
