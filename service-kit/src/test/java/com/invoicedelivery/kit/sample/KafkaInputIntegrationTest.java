package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
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
 * Kafka input is held to the same rules as the APIs: a record with a field the event does not have is refused (to
 * the dead-letter topic, with the reason in its headers) rather than read with the field silently dropped, and the
 * consumer goes on with the next record. What a consumer handled is committed on a timer (once a second at most,
 * not after every poll), and committed all the same.
 */
@ServiceIntegrationTest
@TestPropertySource(properties = {
        "spring.application.name=kit-sample",
        "spring.cloud.function.definition=receiveGreeting",
        "spring.cloud.stream.bindings.receiveGreeting-in-0.destination=kit.greetings",
        "spring.cloud.stream.bindings.receiveGreeting-in-0.group=kit-sample",
        "spring.cloud.stream.kafka.bindings.receiveGreeting-in-0.consumer.dlq-name=kit.greetings.kit-sample.dlq"})
class KafkaInputIntegrationTest {

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    List<KitSampleApplication.Greeting> receivedGreetings;

    @Test
    void aRecordWithAnUnknownFieldGoesToTheDeadLetterTopicAndTheNextOneIsRead() throws Exception {
        try (TopicProbe deadLetters = new TopicProbe(brokers, "kit.greetings.kit-sample.dlq");
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("kit.greetings", "g1", "{\"name\":\"Мила\",\"colour\":\"red\"}")).get();
            producer.send(new ProducerRecord<>("kit.greetings", "g2", "{\"name\":\"Иван\"}")).get();

            assertThat(deadLetters.await(record -> "g1".equals(record.key()), Duration.ofSeconds(30)).value())
                    .contains("colour");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivedGreetings)
                    .extracting(KitSampleApplication.Greeting::name).contains("Иван").doesNotContain("Мила"));
        }
    }

    @Test
    void whatTheConsumerHandledIsCommittedWithinSeconds() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers));
             KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                     ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>("kit.greetings", "c" + i, "{\"name\":\"Гост " + i + "\"}")).get();
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(receivedGreetings)
                    .extracting(KitSampleApplication.Greeting::name).contains("Гост 4"));

            // the group's committed offsets reach the end of every partition: nothing handled is left uncommitted
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets("kit-sample")
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of("kit.greetings")).allTopicNames()
                        .get().get("kit.greetings").partitions().stream()
                        .map(partition -> new TopicPartition("kit.greetings", partition.partition()))
                        .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
                admin.listOffsets(latest).all().get().forEach((partition, end) -> {
                    if (end.offset() > 0) {
                        assertThat(committed.get(partition)).as("committed offset of %s", partition).isNotNull()
                                .extracting(OffsetAndMetadata::offset).isEqualTo(end.offset());
                    }
                });
            });
        }
    }
}
