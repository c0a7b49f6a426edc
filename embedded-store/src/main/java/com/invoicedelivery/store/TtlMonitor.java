package com.invoicedelivery.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MongoDB's TTL monitor does, for the embedded store, which keeps TTL indexes but never expires a document
 * (mongo-java-server): every interval, each index with {@code expireAfterSeconds} on one field deletes the documents
 * whose date in that field is more than that many seconds old. The services declare the same indexes for MongoDB,
 * so the local run drops what a cluster drops (tracking's request windows, spent form tokens, links past their
 * retention) instead of keeping it for ever. It talks to the store as a client does: the deletes go through the
 * store's own command path, served by the index (a range on its leading field, {@link IndexPlanner}).
 */
public final class TtlMonitor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TtlMonitor.class);
    private static final Set<String> SYSTEM_DATABASES = Set.of("admin", "local", "config");

    private final MongoClient client;
    private final Clock clock;
    private final ScheduledExecutorService schedule;

    private TtlMonitor(MongoClient client, Clock clock, ScheduledExecutorService schedule) {
        this.client = client;
        this.clock = clock;
        this.schedule = schedule;
    }

    /** A monitor that only sweeps when asked ({@link #sweep}). */
    public static TtlMonitor manual(String connectionString, Clock clock) {
        return new TtlMonitor(MongoClients.create(connectionString), clock, null);
    }

    /** A monitor that sweeps every {@code interval} (MongoDB's runs every 60 s) on a daemon thread. */
    public static TtlMonitor start(String connectionString, Clock clock, Duration interval) {
        ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-store-ttl");
            thread.setDaemon(true);
            return thread;
        });
        TtlMonitor monitor = new TtlMonitor(MongoClients.create(connectionString), clock, schedule);
        schedule.scheduleWithFixedDelay(monitor::sweepLogged, interval.toMillis(), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return monitor;
    }

    /** Deletes every expired document now; returns how many. */
    public long sweep() {
        long deleted = 0;
        for (String databaseName : client.listDatabaseNames()) {
            if (SYSTEM_DATABASES.contains(databaseName)) {
                continue;
            }
            MongoDatabase database = client.getDatabase(databaseName);
            for (String collectionName : database.listCollectionNames()) {
                MongoCollection<Document> collection = database.getCollection(collectionName);
                for (Document index : collection.listIndexes()) {
                    deleted += expire(collection, index);
                }
            }
        }
        return deleted;
    }

    private long expire(MongoCollection<Document> collection, Document index) {
        if (!(index.get("expireAfterSeconds") instanceof Number seconds)
                || !(index.get("key") instanceof Document key) || key.size() != 1) {
            // MongoDB expires by single-field indexes only
            return 0;
        }
        String field = key.keySet().iterator().next();
        Date cutoff = Date.from(clock.instant().minusSeconds(seconds.longValue()));
        // $lt a date matches dates only (MongoDB's type bracketing): a document without a date there never expires
        return collection.deleteMany(Filters.lt(field, cutoff)).getDeletedCount();
    }

    private void sweepLogged() {
        try {
            long deleted = sweep();
            if (deleted > 0) {
                LOG.debug("expired {} documents", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("the TTL sweep failed, will try again: {}", e.toString());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
        client.close();
    }
}
