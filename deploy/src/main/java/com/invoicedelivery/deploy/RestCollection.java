package com.invoicedelivery.deploy;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One full collection of the launcher's heap when it comes to rest after work, and none while it rests: the memory
 * a month-end run took (the broker's and the store's garbage) goes back to the system within half a minute of the
 * work ending. A collector gives memory back only after a full collection (or, G1, a concurrent cycle); G1's periodic
 * collection ({@code -XX:G1PeriodicGCInterval}) ran one every minute at rest, 0.8 % of a core after a full-size run,
 * and came too late whenever an idle young collection had restarted its timer (docs/PERFORMANCE.md). Here the
 * launcher is "at rest" when it used under {@link #REST_SHARE} of one core over the last {@link #CHECK}, and a
 * collection is due once it has used {@link #WORK} of CPU since the last one: right after a run, and at rest about
 * every quarter of an hour (it idles at 3–4 % of a core). With the launcher's {@code -XX:MaxHeapFreeRatio} (and
 * {@code -XX:-ShrinkHeapInSteps}) the collection also shrinks the heap to what is live plus that margin.
 */
public final class RestCollection implements AutoCloseable {

    /** How often the launcher's CPU is read. */
    static final Duration CHECK = Duration.ofSeconds(15);

    /** Under this share of one core over {@link #CHECK}, the launcher is at rest (it idles at 3–4 %). */
    static final double REST_SHARE = 0.10;

    /** CPU used since the last collection that makes the next one worth its pause (about half a second). */
    static final Duration WORK = Duration.ofSeconds(30);

    private final LongSupplier cpuNanos;
    private final Runnable collect;
    private final long workNanosDue;
    private final ScheduledExecutorService scheduler;
    private long lastCpuNanos;
    private long workNanos;

    RestCollection(LongSupplier cpuNanos, Runnable collect, Duration work, ScheduledExecutorService scheduler) {
        this.cpuNanos = cpuNanos;
        this.collect = collect;
        this.workNanosDue = work.toNanos();
        this.scheduler = scheduler;
        this.lastCpuNanos = cpuNanos.getAsLong();
    }

    /** Watches this process from now on, on a daemon thread, until closed. */
    public static RestCollection start() {
        RestCollection collection = forThisProcess(WORK);
        collection.scheduler.scheduleWithFixedDelay(collection::check, CHECK.toMillis(), CHECK.toMillis(),
                TimeUnit.MILLISECONDS);
        return collection;
    }

    /** Reads this process's CPU time and collects its heap, once {@code work} of CPU is used; checks when asked. */
    static RestCollection forThisProcess(Duration work) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "rest-collection");
            thread.setDaemon(true);
            return thread;
        });
        com.sun.management.OperatingSystemMXBean system =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        // a full collection: System.gc() is one (G1's too, unless -XX:+ExplicitGCInvokesConcurrent)
        return new RestCollection(system::getProcessCpuTime, System::gc, work, scheduler);
    }

    /** One look at the CPU used since the last: collects when the launcher rests after enough work. */
    void check() {
        long cpu = cpuNanos.getAsLong();
        long used = Math.max(0, cpu - lastCpuNanos);
        lastCpuNanos = cpu;
        workNanos += used;
        if (used < REST_SHARE * CHECK.toNanos() && workNanos >= workNanosDue) {
            workNanos = 0;
            collect.run();
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
