package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A binding that reads its topic and its replay topic, as every service's consumers do
 * ({@code <topic>,<topic>.<group>.replay}), reads both with one consumer: a replay topic is empty nearly always, and
 * a consumer of its own would cost a fetch every few seconds and a heartbeat at rest, and be one more member of the
 * group to rebalance. The binder's consumer lag is still reported per topic.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "spring.application.name=kit-sample",
        "spring.cloud.function.definition=receiveGreeting",
        "spring.cloud.stream.bindings.receiveGreeting-in-0.destination=" + ReplayTopicIntegrationTest.TOPIC + ","
                + ReplayTopicIntegrationTest.REPLAY_TOPIC,
        "spring.cloud.stream.bindings.receiveGreeting-in-0.group=" + ReplayTopicIntegrationTest.GROUP,
        "spring.cloud.stream.kafka.bindings.receiveGreeting-in-0.consumer.dlq-name=kit.welcomes.kit-replay-sample.dlq"})
class ReplayTopicIntegrationTest {

    static final String GROUP = "kit-replay-sample";
    static final String TOPIC = "kit.welcomes";
    static final String REPLAY_TOPIC = "kit.welcomes.kit-replay-sample.replay";

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    List<KitSampleApplication.Greeting> receivedGreetings;
    @Autowired
    MeterRegistry meters;

    @Test
    void oneConsumerReadsTheTopicAndItsReplayTopic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "w1", "{\"name\":\"Добри\"}")).get();
            producer.send(new ProducerRecord<>(REPLAY_TOPIC, "w2", "{\"name\":\"Злати\"}")).get();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivedGreetings)
                    .extracting(KitSampleApplication.Greeting::name).contains("Добри", "Злати"));

            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(GROUP)).all().get().get(GROUP);
            assertThat(group.members()).as("members of %s", GROUP).hasSize(1);
            MemberDescription consumer = group.members().iterator().next();
            assertThat(consumer.assignment().topicPartitions()).extracting(TopicPartition::topic)
                    .as("what the one consumer reads").containsOnly(TOPIC, REPLAY_TOPIC);

            // the binder's lag gauge, which the ConsumerLagHigh alert reads, still names each topic on its own
            assertThat(meters.find("spring.cloud.stream.binder.kafka.offset").tag("group", GROUP).gauges())
                    .extracting(gauge -> gauge.getId().getTag("topic")).containsExactlyInAnyOrder(TOPIC, REPLAY_TOPIC);
        }
    }
}
