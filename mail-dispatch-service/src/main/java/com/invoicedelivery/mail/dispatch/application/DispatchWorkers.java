package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.invoicedelivery.kit.observability.LogContext;
import com.invoicedelivery.kit.observability.Traces;
import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * A small pool of workers draining the dispatch queue. Each worker claims one due job at a time and delivers it. A
 * job is only claimed for a server below its limit of messages in flight ({@link ServerPermits}): a tenant's slow or
 * hanging server holds at most its few permits' worth of workers, and the others carry everyone else's mail. A poll
 * (and a {@link #kick()} when jobs are queued) first settles interrupted jobs, then wakes a worker if one is idle; a
 * worker that finds a job wakes another, so a backlog is worked on by the whole pool. The polls come every
 * {@code poll-interval} while there is work and less often, up to {@code idle-poll-interval}, while there is none
 * ({@link PollPace}): an empty queue costs two queries per idle interval.
 */
public class DispatchWorkers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DispatchWorkers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final JobStore jobs;
    private final JobDelivery delivery;
    private final LeaseRecovery leases;
    private final DispatchProperties properties;
    private final Clock clock;
    private final Semaphore idleWorkers;
    private final ServerPermits permits;
    private final PollPace pace;
    /** Set when a worker claims a job or a poll settles one, read and cleared by the next scheduled poll. */
    private final AtomicBoolean workSeen = new AtomicBoolean();
    private ScheduledExecutorService poller;
    private ExecutorService workers;
    private volatile boolean running;
    private Traces traces = Traces.NONE;

    public DispatchWorkers(JobStore jobs, JobDelivery delivery, LeaseRecovery leases, DispatchProperties properties,
                           Clock clock) {
        this.jobs = jobs;
        this.delivery = delivery;
        this.leases = leases;
        this.properties = properties;
        this.clock = clock;
        this.idleWorkers = new Semaphore(properties.workers());
        this.permits = new ServerPermits(properties.workers(), properties.connectionsPerTenantServer());
        this.pace = new PollPace(properties.pollInterval(), properties.idlePollInterval());
    }

    /** Each attempt continues the trace of the record that made its job ({@link DispatchJob#traceparent()}). */
    public DispatchWorkers tracing(Traces traces) {
        this.traces = traces;
        return this;
    }

    /** Looks at the queue now instead of at the next poll (jobs were just queued). */
    public void kick() {
        if (running) {
            try {
                poller.execute(this::poll);
            } catch (RejectedExecutionException stopping) {
                // shutting down: the jobs stay queued for the next start
            }
        }
    }

    private void poll() {
        try {
            if (leases.recover() > 0) {
                workSeen.set(true);
            }
        } catch (RuntimeException e) {
            log.warn("settling interrupted jobs failed, will retry: {}", e.toString());
        }
        wakeIdleWorker();
    }

    /** A poll on the pace's schedule, which then schedules the next one. */
    private void scheduledPoll() {
        try {
            poll();
        } finally {
            boolean work = workSeen.getAndSet(false) | permits.inUse(clock.instant());
            if (running) {
                try {
                    poller.schedule(this::scheduledPoll, pace.next(work).toMillis(), TimeUnit.MILLISECONDS);
                } catch (RejectedExecutionException stopping) {
                    // shutting down
                }
            }
        }
    }

    private void wakeIdleWorker() {
        if (running && idleWorkers.tryAcquire()) {
            try {
                workers.execute(this::drain);
            } catch (RuntimeException rejected) {
                idleWorkers.release();
            }
        }
    }

    private void drain() {
        try {
            Optional<DispatchJob> job;
            while (running && (job = claimWithPermit()).isPresent()) {
                workSeen.set(true);
                wakeIdleWorker();
                try {
                    if (!deliverSafely(job.get())) {
                        permits.holdBack(job.get().smtpServer(), clock.instant().plus(properties.pollInterval()));
                    }
                } finally {
                    permits.release(job.get().smtpServer());
                }
            }
        } catch (RuntimeException e) {
            log.warn("claiming a job failed, will retry at the next poll: {}", e.toString());
        } finally {
            idleWorkers.release();
        }
    }

    /**
     * Claims the next due job whose server is below its limit, and takes one of that server's permits. Claims are
     * made one at a time in this process so that no two workers take a server's last permit together; a claim is
     * one quick write, the exchange with the server happens outside.
     */
    private Optional<DispatchJob> claimWithPermit() {
        synchronized (permits) {
            Instant now = clock.instant();
            Optional<DispatchJob> job = jobs.claimNext(now, properties.lease(), permits.busy(now));
            job.ifPresent(claimed -> permits.take(claimed.smtpServer()));
            return job;
        }
    }

    /**
     * An unexpected failure leaves the job SENDING: its lease runs out and it is settled as interrupted.
     *
     * @return false when the job went back to the queue untried, its server having no connection slot free
     */
    private boolean deliverSafely(DispatchJob job) {
        try (LogContext ignored = LogContext.ofSend(job.tenantId(), job.sendId(), job.recipientId())) {
            return traces.continueTrace(job.traceparent(), "mail dispatch", () -> delivery.deliver(job));
        } catch (RuntimeException e) {
            log.error("job {}: attempt {} failed unexpectedly; it is settled when its lease runs out", job.id(),
                    job.attempt(), e);
            return true;
        }
    }

    @Override
    public void start() {
        poller = Executors.newSingleThreadScheduledExecutor(daemonThreads("mail-dispatch-poller"));
        workers = Executors.newFixedThreadPool(properties.workers(), daemonThreads("mail-dispatch-worker"));
        running = true;
        poller.execute(this::scheduledPoll);
        log.info("dispatch started: {} workers, polling every {} while there is work, up to every {} while there is"
                + " none", properties.workers(), properties.pollInterval(), properties.idlePollInterval());
    }

    /** Stops claiming; messages in flight get a moment to finish (an unfinished one is settled after its lease). */
    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static ThreadFactory daemonThreads(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
