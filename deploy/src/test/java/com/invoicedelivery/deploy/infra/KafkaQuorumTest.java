package com.invoicedelivery.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A three-broker cluster keeps its metadata and takes acks=all writes when the node leading its KRaft quorum stops:
 * what the fault suite's cluster scenarios rely on, checked without the platform. One cluster for the test.
 */
class KafkaQuorumTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aClusterOfThreeBrokersHasAQuorumOfThreeThatElectsAnotherLeaderWhenItsLeaderStops() throws Exception {
        try (KafkaBroker cluster = KafkaBroker.start(3)) {
            assertThat(cluster.brokerIds()).hasSize(3);
            assertThat(cluster.controllerIds()).hasSize(3).isSubsetOf(cluster.brokerIds());
            int leader = cluster.quorumLeaderId();
            assertThat(cluster.controllerIds()).contains(leader);
            produce(cluster);
            int follower = cluster.brokerIds().stream().filter(id -> id != leader).findFirst().orElseThrow();
            cluster.stopBroker(follower);
            assertThatThrownBy(() -> cluster.awaitReplicasInSync(Duration.ofSeconds(2)))
                    .hasMessageContaining("out of sync");
            cluster.startBroker(follower);
            cluster.awaitReplicasInSync(WAIT);

            cluster.stopNode(leader);

            int next = awaitAnotherLeader(cluster, leader);
            assertThat(cluster.controllerIds()).contains(next);
            // two replicas of three in sync: the write needs the quorum's new leader to have moved the partitions
            produce(cluster);
        }
    }

    @Test
    void fewerThanThreeBrokersHaveOneController() {
        try (KafkaBroker cluster = KafkaBroker.start(2)) {
            assertThat(cluster.controllerIds()).hasSize(1);
            assertThat(cluster.quorumLeaderId()).isEqualTo(cluster.controllerIds().get(0));
        }
    }

    @Test
    void aControllerIsOneOfTheBrokersNodes() {
        assertThatThrownBy(() -> KafkaBroker.start(1, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 controllers for 1 brokers");
    }

    /** One acks=all record as the tracking service, within the wait; fails the test if the cluster refuses it. */
    private static void produce(KafkaBroker cluster) throws Exception {
        Map<String, Object> config = new HashMap<>(cluster.clientProperties(BusPermissions.TRACKING_SERVICE));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) WAIT.toMillis());
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int partition : List.of(0, 1, 2)) {
                producer.send(new ProducerRecord<>(Topics.TRACKING_EVENTS, partition, "send-1", "{}"))
                        .get(WAIT.toSeconds() + 5, TimeUnit.SECONDS);
            }
        }
    }

    /** The quorum's leader once it is another node than {@code stopped}; bounded by the wait. */
    private static int awaitAnotherLeader(KafkaBroker cluster, int stopped) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                int leader = cluster.quorumLeaderId();
                if (leader != stopped && leader >= 0) {
                    return leader;
                }
            } catch (IllegalStateException notYet) {
                // no leader while the election runs
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no other quorum leader than " + stopped + " within " + WAIT);
    }
}
