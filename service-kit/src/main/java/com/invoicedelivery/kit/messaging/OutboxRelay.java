package com.invoicedelivery.kit.messaging;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Publishes the outbox entries stored in documents of the given collections, in the order each document
 * lists them, and removes each entry once Kafka has acknowledged it. Delivery is at least once (a crash
 * between the acknowledgement and the removal publishes the entry again), so consumers are idempotent.
 *
 * <p>It polls on a fixed interval and, for low latency, whenever {@link #kick()} says a document was just
 * saved with new entries.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final StreamBridge bridge;
    private final List<String> collections;
    private final String source;
    private final long intervalMillis;
    private final AtomicBoolean kicked = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    public OutboxRelay(MongoTemplate mongo, StreamBridge bridge, List<String> collections, String source,
                       long intervalMillis) {
        this.mongo = mongo;
        this.bridge = bridge;
        this.collections = List.copyOf(collections);
        this.source = source;
        this.intervalMillis = intervalMillis;
    }

    /** Asks for a relay run soon, instead of at the next interval. */
    public void kick() {
        if (running && kicked.compareAndSet(false, true)) {
            executor.execute(this::runSafely);
        }
    }

    /** Publishes what is pending now; returns how many entries were published. */
    public int relayPending() {
        int published = 0;
        for (String collection : collections) {
            published += relayCollection(collection);
        }
        return published;
    }

    private int relayCollection(String collection) {
        int published = 0;
        List<Document> documents;
        do {
            Query pending = Query.query(Criteria.where(OutboxEntry.FIELD + ".0").exists(true)).limit(BATCH);
            documents = mongo.find(pending, Document.class, collection);
            for (Document document : documents) {
                published += relayDocument(collection, document);
            }
        } while (documents.size() == BATCH);
        return published;
    }

    private int relayDocument(String collection, Document document) {
        List<OutboxEntry> entries = document.getList(OutboxEntry.FIELD, Document.class).stream()
                .map(entry -> mongo.getConverter().read(OutboxEntry.class, entry))
                .toList();
        for (OutboxEntry entry : entries) {
            if (!bridge.send(entry.topic(), CloudEventHeaders.message(entry, source))) {
                throw new IllegalStateException("Kafka did not take event " + entry.eventId());
            }
            Query byId = Query.query(Criteria.where("_id").is(document.get("_id")));
            Update remove = new Update().pull(OutboxEntry.FIELD, new Document("eventId", entry.eventId()));
            mongo.updateFirst(byId, remove, collection);
        }
        return entries.size();
    }

    private void runSafely() {
        kicked.set(false);
        try {
            relayPending();
        } catch (RuntimeException e) {
            // Kafka or MongoDB unavailable: the entries stay in their documents and the next run retries them
            log.warn("outbox relay run failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::runSafely, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
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
