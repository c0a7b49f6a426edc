package com.invoicedelivery.mail.dispatch.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Date;
import java.util.concurrent.locks.ReentrantLock;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;

/**
 * The document store's clock, as read from this process: this process's clock plus the store's offset from it,
 * measured by a {@code $currentDate} write (the store stamps the time) at most every {@link #REMEASURE}.
 *
 * <p>Why: a job's lease ({@code leaseUntil}) is written by the replica that claims it and read by every other
 * replica's lease recovery. Were each replica to use its own clock, one running minutes ahead would find the others'
 * fresh leases run out and settle jobs still being sent as interrupted: resent (same Message-ID) while the first
 * copy is still on the wire, or failed as "interrupted twice" (the fault suite's clock-skew scenario, 12, found
 * both). On the store's clock all replicas agree on when a lease ends, whatever their own clocks say; so do retry
 * times. The store's own clock is one clock (a replica set's primary; NTP on the database hosts).
 *
 * <p>If the store cannot be reached, the last offset measured stays in use (0 before the first measurement): a
 * replica that cannot reach the store can neither claim nor settle jobs anyway.
 */
public final class StoreClock extends Clock {

    /** The offset drifts by milliseconds a day at most: measuring it once a minute is plenty. */
    static final Duration REMEASURE = Duration.ofMinutes(1);
    static final String COLLECTION = "store_clock";
    private static final Logger log = LoggerFactory.getLogger(StoreClock.class);

    private final Clock local;
    private final MongoTemplate mongo;
    private final ReentrantLock measuring = new ReentrantLock();
    private volatile Duration offset = Duration.ZERO;
    private volatile Instant measuredAt;

    public StoreClock(Clock local, MongoTemplate mongo) {
        this.local = local;
        this.mongo = mongo;
    }

    @Override
    public Instant instant() {
        Instant now = local.instant();
        Instant last = measuredAt;
        if ((last == null || !now.isBefore(last.plus(REMEASURE))) && measuring.tryLock()) {
            try {
                measure();
            } finally {
                measuring.unlock();
            }
            now = local.instant();
        }
        return now.plus(offset);
    }

    /** The store's time minus this process's, taken at the middle of the round trip. */
    public Duration offset() {
        return offset;
    }

    void measure() {
        Instant before = local.instant();
        try {
            Document stamped = mongo.findAndModify(query(where("_id").is("now")), new Update().currentDate("at"),
                    FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION);
            Instant after = local.instant();
            Object at = stamped == null ? null : stamped.get("at");
            if (!(at instanceof Date date)) {
                throw new IllegalStateException("the store returned no time: " + stamped);
            }
            Instant middle = before.plus(Duration.between(before, after).dividedBy(2));
            Duration measured = Duration.between(middle, date.toInstant());
            if (measured.abs().compareTo(Duration.ofSeconds(1)) > 0
                    && measured.minus(offset).abs().compareTo(Duration.ofSeconds(1)) > 0) {
                log.warn("this process's clock is {} away from the document store's; leases and retry times follow the"
                        + " store's", measured.negated());
            }
            offset = measured;
        } catch (RuntimeException e) {
            log.warn("cannot read the document store's clock, keeping the offset {}: {}", offset, e.toString());
        }
        measuredAt = local.instant();
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the store's clock is UTC only");
    }
}
