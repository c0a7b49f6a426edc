package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;
import java.time.Instant;

import com.invoicedelivery.mail.dispatch.domain.DispatchJob;
import com.invoicedelivery.mail.dispatch.domain.InterruptedAttempts;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;

/** Finds jobs whose worker died mid-exchange (still SENDING, lease run out) and settles them (see InterruptedAttempts). */
public class LeaseRecovery {

    private static final int BATCH = 50;

    private final JobStore jobs;
    private final JobTransitions transitions;
    private final Clock clock;

    public LeaseRecovery(JobStore jobs, JobTransitions transitions, Clock clock) {
        this.jobs = jobs;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** @return how many interrupted jobs were settled */
    public int recover() {
        Instant now = clock.instant();
        int settled = 0;
        for (DispatchJob job : jobs.withExpiredLease(now, BATCH)) {
            if (transitions.apply(job, InterruptedAttempts.afterExpiredLease(job, now))) {
                settled++;
            }
        }
        return settled;
    }
}
