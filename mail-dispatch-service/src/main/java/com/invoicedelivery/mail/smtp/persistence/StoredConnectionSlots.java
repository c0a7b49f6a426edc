package com.invoicedelivery.mail.smtp.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.mongodb.client.result.UpdateResult;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Connection slots as leases in the store, one document per server:
 * {@code {_id: "tenant:acme", leases: [{id, owner, until}, ...]}}, at most {@code cap} leases. Every change is one
 * atomic write of that one document, found by its {@code _id} (the store has no transactions, and no query here
 * needs an index other than {@code _id}'s):
 * <ul>
 * <li>take: push a lease provided the array has no element at position {@code cap - 1} (fewer than {@code cap}
 * leases), upserting the document for a server never seen; a full document makes the upsert collide on
 * {@code _id}, which means "no slot";</li>
 * <li>when full: pull the leases whose {@code until} has passed (a replica that died, or lost the store for longer
 * than a lease) and try once more, so expired leases are taken over;</li>
 * <li>renew: set {@code until} of the lease with this id (positional update); no match means the lease was lost;</li>
 * <li>release: pull the lease with this id.</li>
 * </ul>
 * Lease times are the replicas' clocks: they must agree to well within the lease (NTP does).
 */
public class StoredConnectionSlots implements ConnectionSlots {

    public static final String COLLECTION = "smtp_connection_slots";

    private static final Logger log = LoggerFactory.getLogger(StoredConnectionSlots.class);

    private final MongoTemplate mongo;
    private final int cap;
    private final Duration lease;
    private final Clock clock;
    private final String owner;
    private final AtomicLong leaseIds = new AtomicLong();

    /**
     * @param cap   connections one server may have open at once, all replicas together
     * @param lease how long a slot stays taken without being renewed
     * @param owner this replica, unique among the replicas running (a new one at every start)
     */
    public StoredConnectionSlots(MongoTemplate mongo, int cap, Duration lease, Clock clock, String owner) {
        if (cap < 1) {
            throw new IllegalArgumentException("a server needs at least one connection slot, not " + cap);
        }
        this.mongo = mongo;
        this.cap = cap;
        this.lease = lease;
        this.clock = clock;
        this.owner = owner;
    }

    @Override
    public Optional<ConnectionSlot> tryAcquire(String server) {
        Instant now = clock.instant();
        String id = owner + "/" + leaseIds.incrementAndGet();
        Instant until = now.plus(lease);
        Document taken = new Document("id", id).append("owner", owner).append("until", Date.from(until));
        if (push(server, taken) || (takeOverExpired(server, now) && push(server, taken))) {
            return Optional.of(new StoredSlot(server, id, until));
        }
        return Optional.empty();
    }

    /**
     * Gives back the slots in one write for all their servers (the other slots, not this store's, one by one). With
     * the store out of reach that is one wait for the driver's server selection, not one per slot.
     */
    @Override
    public void releaseAll(Collection<ConnectionSlot> held) {
        Set<String> servers = new LinkedHashSet<>();
        List<String> ids = new ArrayList<>();
        for (ConnectionSlot slot : held) {
            if (slot instanceof StoredSlot stored && stored.owner() == this) {
                stored.until = Instant.MIN;
                servers.add(stored.server);
                ids.add(stored.id);
            } else {
                slot.release();
            }
        }
        if (ids.isEmpty()) {
            return;
        }
        try {
            mongo.updateMulti(query(where("_id").in(servers)),
                    new Update().pull("leases", new Document("id", new Document("$in", ids))), COLLECTION);
        } catch (RuntimeException e) {
            log.warn("giving back {} connection slot(s) failed (they expire by themselves): {}", ids.size(),
                    e.toString());
        }
    }

    /** The leases held on a server now, for tests and operators: live and expired alike. */
    public int leasesOf(String server) {
        Document slots = mongo.findById(server, Document.class, COLLECTION);
        return slots == null ? 0 : slots.getList("leases", Document.class, List.of()).size();
    }

    private boolean push(String server, Document taken) {
        Query belowCap = query(where("_id").is(server).and("leases." + (cap - 1)).exists(false));
        Update push = new Update().push("leases", taken);
        try {
            UpdateResult result = mongo.upsert(belowCap, push, COLLECTION);
            return result.getModifiedCount() == 1 || result.getUpsertedId() != null;
        } catch (DuplicateKeyException exists) {
            // the filter missed and the upsert tried to insert a second document with this _id: the document is
            // full, or another replica made it at the same moment; now that it exists, a plain update tells which
            return mongo.updateFirst(belowCap, push, COLLECTION).getModifiedCount() == 1;
        }
    }

    private boolean takeOverExpired(String server, Instant now) {
        Date expired = Date.from(now);
        Query withExpired = query(where("_id").is(server).and("leases.until").lte(expired));
        long pulled = mongo.updateFirst(withExpired,
                new Update().pull("leases", new Document("until", new Document("$lte", expired))),
                COLLECTION).getModifiedCount();
        if (pulled > 0) {
            log.info("expired connection slot lease(s) of {} taken over (a replica stopped without giving them back)",
                    server);
        }
        return pulled > 0;
    }

    private final class StoredSlot implements ConnectionSlot {

        private final String server;
        private final String id;
        private volatile Instant until;

        StoredSlot(String server, String id, Instant until) {
            this.server = server;
            this.id = id;
            this.until = until;
        }

        @Override
        public boolean renew() {
            Instant renewed = clock.instant().plus(lease);
            try {
                boolean held = mongo.updateFirst(query(where("_id").is(server).and("leases.id").is(id)),
                        new Update().set("leases.$.until", Date.from(renewed)), COLLECTION).getMatchedCount() == 1;
                if (held) {
                    until = renewed;
                    return true;
                }
                log.warn("connection slot {} of {} was lost (its lease ran out and was taken over)", id, server);
                until = Instant.MIN;
                return false;
            } catch (RuntimeException e) {
                // the store is away: the slot is still ours until its last granted lease runs out
                log.warn("renewing connection slot {} of {} failed: {}", id, server, e.toString());
                return held();
            }
        }

        private StoredConnectionSlots owner() {
            return StoredConnectionSlots.this;
        }

        @Override
        public boolean held() {
            return clock.instant().isBefore(until);
        }

        @Override
        public void release() {
            until = Instant.MIN;
            try {
                mongo.updateFirst(query(where("_id").is(server)), new Update().pull("leases", new Document("id", id)),
                        COLLECTION);
            } catch (RuntimeException e) {
                log.warn("giving back connection slot {} of {} failed (it expires by itself): {}", id, server,
                        e.toString());
            }
        }
    }
}
