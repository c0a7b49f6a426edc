package com.invoicedelivery.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.mongodb.ServerAddress;
import com.mongodb.connection.ClusterConnectionMode;
import com.mongodb.connection.ClusterDescription;
import com.mongodb.connection.ClusterType;
import com.mongodb.connection.ServerConnectionState;
import com.mongodb.connection.ServerDescription;
import com.mongodb.connection.ServerType;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

class MongoPingHealthIndicatorTest {

    @Test
    void aReachableStoreIsUpByItsAnswerToPing() {
        MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(EmbeddedMongo.uri("health_up")));

        Health health = new MongoPingHealthIndicator(store, () -> cluster(ServerConnectionState.CONNECTED,
                ServerType.STANDALONE)).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsKey("ok");
    }

    @Test
    void aStoreTheDriverLostIsDownAtOnceWithoutWaitingForServerSelection() {
        // nobody listens there: a ping would wait for the driver's server selection (30 s)
        MongoTemplate gone = new MongoTemplate(new SimpleMongoClientDatabaseFactory("mongodb://127.0.0.1:9/gone"));

        Health health = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new MongoPingHealthIndicator(gone,
                () -> cluster(ServerConnectionState.CONNECTING, ServerType.UNKNOWN)).health());

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("reason"))).contains("no reachable server");
    }

    private static ClusterDescription cluster(ServerConnectionState state, ServerType type) {
        ServerDescription server = ServerDescription.builder().address(new ServerAddress("127.0.0.1", 27017))
                .state(state).type(type).ok(state == ServerConnectionState.CONNECTED).build();
        return new ClusterDescription(ClusterConnectionMode.SINGLE, ClusterType.STANDALONE, List.of(server));
    }
}
