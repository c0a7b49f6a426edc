package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class KafkaClientSettingsTest {

    @Test
    void theBindersBrokersWithItsDefaultPortAndItsClientConfiguration() {
        KafkaClientSettings settings = KafkaClientSettings.from(new MockEnvironment()
                .withProperty("spring.cloud.stream.kafka.binder.brokers", "kafka-1:9093, kafka-2")
                .withProperty("spring.cloud.stream.kafka.binder.default-broker-port", "9094")
                .withProperty("spring.cloud.stream.kafka.binder.configuration.security.protocol", "SSL"));

        assertThat(settings.bootstrapServers()).isEqualTo("kafka-1:9093,kafka-2:9094");
        assertThat(settings.common()).containsExactly(Map.entry("security.protocol", "SSL"));
        assertThat(settings.producer()).containsEntry("security.protocol", "SSL")
                .containsEntry("bootstrap.servers", "kafka-1:9093,kafka-2:9094")
                .containsEntry("acks", "all");
    }

    @Test
    void withoutBrokersTheBindersDefault() {
        assertThat(KafkaClientSettings.from(new MockEnvironment()).bootstrapServers()).isEqualTo("localhost:9092");
    }

    @Test
    void theReplayConsumerCommitsOnlyWhenToldAndCreatesNoTopic() {
        Map<String, Object> consumer = new KafkaClientSettings("k:9092", Map.of()).consumer("g.dlq-replay", 7);

        assertThat(consumer).containsEntry("group.id", "g.dlq-replay")
                .containsEntry("enable.auto.commit", false)
                .containsEntry("allow.auto.create.topics", false)
                .containsEntry("max.poll.records", 7);
    }
}
