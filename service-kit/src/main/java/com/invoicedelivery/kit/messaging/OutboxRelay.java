package com.invoicedelivery.kit.messaging;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.invoicedelivery.kit.observability.LogContext;
import com.invoicedelivery.kit.observability.Traces;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.PartialIndexFilter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.messaging.Message;

/**
 * Publishes the outbox entries stored in documents of the given collections, in the order each document lists
 * them, and removes each entry once Kafka has acknowledged it. Delivery is at least once (a crash between the
 * acknowledgement and the removal publishes the entry again), so consumers are idempotent.
 *
 * <p>Costs nothing at rest: a writer flags the document ({@link OutboxDocuments#PENDING}) in the write that adds an
 * entry and kicks the relay with the document's id ({@link #kick(String, Object)}), which touches that document by
 * {@code _id} only. Kicks can be lost (a crash, Kafka down, another replica's crash), so a recovery poll asks, on a
 * longer interval, for flagged documents nobody holds, through the index {@link OutboxDocuments#PENDING_INDEX}: it
 * reads only pending documents, never the collection.
 *
 * <p>Several replicas share the work: a replica claims a document by a lease ({@link OutboxDocuments#LEASE}, taken
 * with findAndModify, extended with every entry removed), and only the lease holder publishes that document's
 * entries, one after the other; the last entry's removal clears the flag and the lease in the same write, so a
 * document with one entry costs two writes (the claim and that one). A failed publish ends the document's run and
 * keeps the lease until it expires, so nobody publishes a later entry first and the failing document waits a lease
 * before it is tried again.
 */
public class OutboxRelay implements SmartLifecycle {

    /**
     * @param pollInterval how often the recovery poll looks for pending documents nobody kicked for
     * @param lease        how long a claim holds without news; longer than the longest publish (producer timeouts)
     * @param batchSize    pending documents read per poll query
     */
    public record Settings(Duration pollInterval, Duration lease, int batchSize) {

        public Settings {
            if (pollInterval.isNegative() || pollInterval.isZero() || lease.isNegative() || lease.isZero()
                    || batchSize <= 0) {
                throw new IllegalArgumentException("outbox relay settings must be positive: " + pollInterval + ", "
                        + lease + ", " + batchSize);
            }
        }
    }

    /** Hands one message to Kafka; true once the broker acknowledged it. */
    @FunctionalInterface
    public interface Publisher {
        boolean send(String topic, Message<?> message);
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Kicked documents remembered at most; beyond it a kick asks for a poll instead (the flag is in the store). */
    private static final int MAX_KICKED = 10_000;
    /** Rounds of one claim while writers keep adding entries; then the lease is released for the next kick or poll. */
    private static final int ROUNDS_PER_CLAIM = 20;
    /** Batches one poll reads per collection; what is left waits for the next poll. */
    private static final int BATCHES_PER_POLL = 20;

    private record Target(String collection, Object id) {
    }

    private final MongoTemplate mongo;
    private final Publisher publisher;
    private final List<String> collections;
    private final String source;
    private final Settings settings;
    private final Clock clock;
    private final String owner;
    private volatile Traces traces = Traces.NONE;
    private final Set<Target> kicked = new LinkedHashSet<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean pollAsked = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, String source,
                       Settings settings) {
        this(mongo, bridge::send, collections, source, settings, Clock.systemUTC());
    }

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, String source,
                       Settings settings, Clock clock) {
        this(mongo, bridge::send, collections, source, settings, clock);
    }

    public OutboxRelay(MongoTemplate mongo, Publisher publisher, List<String> collections, String source,
                       Settings settings, Clock clock) {
        this.mongo = mongo;
        this.publisher = publisher;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.settings = settings;
        this.clock = clock;
        // one owner per relay (one relay per process): a restarted process never mistakes an old lease for its own
        this.owner = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
    }

    /**
     * Publishes each entry in the trace of the work that wrote it ({@link OutboxEntry#traceparent()}): with Kafka
     * observation on, the record carries that trace on to its consumers. Without it, entries go out in no trace.
     */
    public OutboxRelay tracing(Traces traces) {
        this.traces = traces;
        return this;
    }

    /** This relay's name in the leases it takes. */
    public String owner() {
        return owner;
    }

    /**
     * Asks for the entries of document {@code id} of {@code collection} to be published soon; call it after a
     * write that added entries. Touches that document only, by {@code _id}.
     */
    public void kick(String collection, Object id) {
        if (!running) {
            return;
        }
        Target target = new Target(collection, id);
        boolean remembered;
        synchronized (kicked) {
            remembered = kicked.contains(target) || kicked.size() < MAX_KICKED && kicked.add(target);
        }
        if (!remembered) {
            kick(); // too many at once: the flag is in the store, the poll finds them
            return;
        }
        if (draining.compareAndSet(false, true)) {
            submit(this::drainKicked);
        }
    }

    /** Asks for a recovery poll soon, instead of at the next interval. */
    public void kick() {
        if (running && pollAsked.compareAndSet(false, true)) {
            submit(this::pollSafely);
        }
    }

    private void submit(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException stopping) {
            // the relay is stopping: what is left is flagged in the store, and the next start's poll finds it
            log.debug("outbox relay stopping, {} not run", task);
        }
    }

    /** The collections this relay publishes from. */
    public List<String> collections() {
        return collections;
    }

    /**
     * What waits in one collection's outboxes: documents flagged pending and the oldest entry among the first
     * {@code limit} of them (null when none). Read by the pending index alone, like the recovery poll: the cost grows
     * with the backlog, never with the collection. Past {@code limit} documents the oldest is of those read, so the
     * age shown is at least the real one's lower bound, which is enough to raise an alarm.
     */
    public Backlog backlog(String collection, int limit) {
        long pending = mongo.count(query(where(OutboxDocuments.PENDING).is(true)), collection);
        if (pending == 0) {
            return new Backlog(0, null);
        }
        Query firstPending = query(where(OutboxDocuments.PENDING).is(true)).limit(limit);
        firstPending.fields().include(OutboxEntry.FIELD + ".occurredAt");
        Instant oldest = null;
        for (Document document : mongo.find(firstPending, Document.class, collection)) {
            for (Document entry : document.getList(OutboxEntry.FIELD, Document.class, List.of())) {
                if (entry.get("occurredAt") instanceof Date at && (oldest == null || at.toInstant().isBefore(oldest))) {
                    oldest = at.toInstant();
                }
            }
        }
        return new Backlog(pending, oldest);
    }

    /** @param oldestEntryAt when the oldest waiting entry's event happened; null when nothing waits */
    public record Backlog(long pendingDocuments, Instant oldestEntryAt) {
    }

    /** Creates the index the recovery poll reads by, on every collection; idempotent. */
    public void createIndexes() {
        for (String collection : collections) {
            // partial on MongoDB: only pending documents are in it, so it stays as small as the backlog
            mongo.indexOps(collection).createIndex(new Index().on(OutboxDocuments.PENDING, Sort.Direction.ASC)
                    .named(OutboxDocuments.PENDING_INDEX)
                    .partial(PartialIndexFilter.of(where(OutboxDocuments.PENDING).is(true))));
        }
    }

    /**
     * The recovery poll: publishes the entries of pending documents nobody holds a lease on, at most
     * {@value #BATCHES_PER_POLL} batches per collection; returns how many entries were published.
     */
    public int relayPending() {
        int published = 0;
        for (String collection : collections) {
            for (int batch = 0; batch < BATCHES_PER_POLL; batch++) {
                Query pending = query(where(OutboxDocuments.PENDING).is(true).orOperator(unleased()))
                        .limit(settings.batchSize());
                pending.fields().include("_id");
                List<Document> found = mongo.find(pending, Document.class, collection);
                for (Document document : found) {
                    published += relayDocument(collection, document.get("_id"));
                }
                if (found.size() < settings.batchSize()) {
                    break;
                }
            }
        }
        return published;
    }

    /**
     * Claims document {@code id} and publishes its entries in order, removing each once acknowledged; clears the
     * flag and the lease when the outbox is empty. Returns how many entries were published (0 when the document has
     * none or another relay holds it).
     *
     * @throws IllegalStateException when Kafka did not take an entry: the lease stays until it expires
     */
    public int relayDocument(String collection, Object id) {
        Document claimed = claim(collection, id);
        int published = 0;
        for (int round = 0; round < ROUNDS_PER_CLAIM && claimed != null; round++) {
            List<Document> entries = claimed.getList(OutboxEntry.FIELD, Document.class, List.of());
            for (int index = 0; index < entries.size(); index++) {
                OutboxEntry entry = mongo.getConverter().read(OutboxEntry.class, entries.get(index));
                if (!publish(entry)) {
                    throw new IllegalStateException("Kafka did not take event " + entry.eventId());
                }
                published++;
                if (index == entries.size() - 1 && removeLastAndFinish(collection, id, entry.eventId())) {
                    return published;
                }
                if (!removePublished(collection, id, entry.eventId())) {
                    return published; // the lease ran out meanwhile: its new holder goes on from here
                }
            }
            if (finish(collection, id)) {
                return published;
            }
            // a writer added entries while these were published: they are next, under the same lease
            claimed = extend(collection, id);
        }
        if (claimed != null) {
            release(collection, id);
        }
        return published;
    }

    private boolean publish(OutboxEntry entry) {
        try (LogContext ignored = LogContext.open().with(LogContext.TENANT, entry.tenantId())
                .with(LogContext.EVENT, entry.eventId()).with(LogContext.EVENT_TYPE, entry.type())) {
            return traces.continueTrace(entry.traceparent(), "outbox publish",
                    () -> publisher.send(entry.topic(), CloudEventHeaders.message(entry, source)));
        }
    }

    /** Takes the lease; answers the outbox alone (the rest of the document may be large, and is not needed). */
    private Document claim(String collection, Object id) {
        Query free = query(where("_id").is(id).and(OutboxDocuments.PENDING).is(true).orOperator(unleased()));
        free.fields().include(OutboxEntry.FIELD);
        Update take = new Update().set(OutboxDocuments.LEASE,
                new Document("owner", owner).append("until", leaseEnd()));
        return mongo.findAndModify(free, take, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private Criteria[] unleased() {
        return new Criteria[] {where(OutboxDocuments.LEASE).exists(false),
                where(OutboxDocuments.LEASE + ".until").lt(Date.from(clock.instant()))};
    }

    private boolean removePublished(String collection, Object id, String eventId) {
        Update remove = new Update().pull(OutboxEntry.FIELD, new Document("eventId", eventId))
                .set(OutboxDocuments.LEASE + ".until", leaseEnd());
        return mongo.updateFirst(held(id), remove, collection).getMatchedCount() == 1;
    }

    /**
     * The usual end, in one write instead of two: removes the entry just published and clears flag and lease,
     * provided it is the only entry left. False when a writer added one meanwhile (nothing changed then).
     */
    private boolean removeLastAndFinish(String collection, Object id, String eventId) {
        Query onlyThis = held(id).addCriteria(where(OutboxEntry.FIELD).size(1)
                .and(OutboxEntry.FIELD + ".eventId").is(eventId));
        Update removeAndClear = new Update().pull(OutboxEntry.FIELD, new Document("eventId", eventId))
                .unset(OutboxDocuments.PENDING).unset(OutboxDocuments.LEASE);
        return mongo.updateFirst(onlyThis, removeAndClear, collection).getMatchedCount() == 1;
    }

    /** Clears flag and lease, provided the outbox is still empty: a writer's push sets the flag again in its write. */
    private boolean finish(String collection, Object id) {
        Query empty = held(id).addCriteria(where(OutboxEntry.FIELD).size(0));
        Update clear = new Update().unset(OutboxDocuments.PENDING).unset(OutboxDocuments.LEASE);
        return mongo.updateFirst(empty, clear, collection).getMatchedCount() == 1;
    }

    private Document extend(String collection, Object id) {
        Query held = held(id);
        held.fields().include(OutboxEntry.FIELD);
        return mongo.findAndModify(held, new Update().set(OutboxDocuments.LEASE + ".until", leaseEnd()),
                FindAndModifyOptions.options().returnNew(true), Document.class, collection);
    }

    private void release(String collection, Object id) {
        mongo.updateFirst(held(id), new Update().unset(OutboxDocuments.LEASE), collection);
    }

    private Query held(Object id) {
        return query(where("_id").is(id).and(OutboxDocuments.LEASE + ".owner").is(owner));
    }

    private Date leaseEnd() {
        Instant now = clock.instant();
        return Date.from(now.plus(settings.lease()));
    }

    private void drainKicked() {
        for (int done = 0; done < MAX_KICKED; done++) {
            Target next = nextKicked();
            if (next == null) {
                draining.set(false);
                if (!hasKicked() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                relayDocument(next.collection(), next.id());
            } catch (RuntimeException e) {
                // Kafka or MongoDB unavailable: the entries stay, flagged, and the lease or the poll retries them
                log.warn("outbox relay of {} {} failed, will retry: {}", next.collection(), next.id(), e.toString());
            }
        }
        // more kicks kept coming: yield to the poll, then go on
        submit(this::drainKicked);
    }

    private Target nextKicked() {
        synchronized (kicked) {
            Iterator<Target> first = kicked.iterator();
            if (!first.hasNext()) {
                return null;
            }
            Target next = first.next();
            first.remove();
            return next;
        }
    }

    private boolean hasKicked() {
        synchronized (kicked) {
            return !kicked.isEmpty();
        }
    }

    private void pollSafely() {
        pollAsked.set(false);
        try {
            int published = relayPending();
            if (published > 0) {
                // normally a write's kick publishes its entries: these were left by a lost kick, a failed publish
                // or a replica that stopped holding a lease
                log.info("outbox recovery poll published {} entries", published);
            }
        } catch (RuntimeException e) {
            // the failing document keeps its lease, so the next poll goes on with the others
            log.warn("outbox relay poll failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        createIndexes();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        long interval = settings.pollInterval().toMillis();
        // the first poll at once: what a crash left behind goes out as soon as the service is up
        executor.scheduleWithFixedDelay(this::pollSafely, 0, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
