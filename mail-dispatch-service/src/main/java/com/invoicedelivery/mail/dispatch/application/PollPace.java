package com.invoicedelivery.mail.dispatch.application;

import java.time.Duration;

/**
 * How long the dispatch poller waits before it looks at the queue again. While there is work — a job claimed, an
 * interrupted one settled, a message in flight or a server held back since the last look — it looks every
 * {@code busy} interval; each look that finds nothing doubles the wait, up to {@code idle}. An empty queue then
 * costs a query or two every {@code idle} instead of every second (docs/PERFORMANCE.md, idle CPU), while new jobs
 * do not wait for a look at all: the service kicks the poller when it queues them.
 *
 * <p>What an idle queue may delay: a retry coming due, by up to {@code idle} (retries are a minute or more apart),
 * and an expired lease's settling, likewise (leases are minutes long); a job another replica queued and could not
 * start (it stopped in between), until the next look.
 */
final class PollPace {

    private final Duration busy;
    private final Duration idle;
    private Duration current;

    /** @param idle not shorter than {@code busy} ({@link DispatchProperties} refuses such settings) */
    PollPace(Duration busy, Duration idle) {
        this.busy = busy;
        this.idle = idle;
        this.current = busy;
    }

    /** @param workSeen whether the last look, or anything since, found work */
    synchronized Duration next(boolean workSeen) {
        if (workSeen) {
            current = busy;
        } else {
            Duration doubled = current.multipliedBy(2);
            current = doubled.compareTo(idle) < 0 ? doubled : idle;
        }
        return current;
    }
}
