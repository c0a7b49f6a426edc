package com.invoicedelivery.kit.health;

import java.util.function.Supplier;

import com.mongodb.connection.ClusterDescription;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Reports the document store UP when it answers {@code ping}. Boot's own indicator sends {@code hello},
 * which the embedded MongoDB-wire server does not implement, so the service would look DOWN on the
 * local platform although every read and write works.
 *
 * <p>Part of the readiness group (service-kit-defaults.properties): a service that cannot reach its store is taken
 * out of traffic. While the driver knows of no server it can write to (its monitor found the store gone), the
 * answer is DOWN at once: a {@code ping} would wait for the driver's server selection (30 s), longer than any
 * readiness probe waits.
 */
public class MongoPingHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;
    private final Supplier<ClusterDescription> cluster;

    /** @param cluster the driver's view of the store's servers, or null to ping only */
    public MongoPingHealthIndicator(MongoTemplate mongo, Supplier<ClusterDescription> cluster) {
        super("MongoDB health check failed");
        this.mongo = mongo;
        this.cluster = cluster;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        ClusterDescription servers = cluster == null ? null : cluster.get();
        if (servers != null && !servers.hasWritableServer()) {
            builder.down().withDetail("database", mongo.getDb().getName())
                    .withDetail("reason", "no reachable server to write to: " + servers.getShortDescription());
            return;
        }
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("database", mongo.getDb().getName()).withDetail("ok", answer.get("ok"));
    }
}
