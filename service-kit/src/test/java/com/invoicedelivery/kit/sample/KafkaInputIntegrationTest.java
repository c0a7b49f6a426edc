package com.invoicedelivery.kit.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.testing.ServiceIntegrationTest;
import com.invoicedelivery.kit.testing.TopicProbe;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * Kafka input is held to the same rules as the APIs: a record with a field the event does not have is refused (to
 * the dead-letter topic, with the reason in its headers) rather than read with the field silently dropped, and the
 * consumer goes on with the next record.
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
                    .extracting(KitSampleApplication.Greeting::name).containsExactly("Иван"));
        }
    }
}
