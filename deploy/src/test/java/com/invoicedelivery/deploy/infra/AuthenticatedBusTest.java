package com.invoicedelivery.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.events.Topics;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local broker as an attacker on the machine meets it: each principal may write only the topics it owns and
 * read only what it consumes, and nobody gets in without the right password. One broker for the class.
 */
class AuthenticatedBusTest {

    private static final String ACCEPTED = "{\"activity\":\"ACCEPTED\"}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = KafkaBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void aRecordOnTrackingEventsFromTheInvoiceServicePrincipalIsRefusedByTheBroker() {
        assertThat(produce(broker.clientProperties(BusPermissions.INVOICE_SERVICE), Topics.TRACKING_EVENTS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aRecordOnTrackingEventsFromTheImporterIsRefusedByTheBroker() {
        assertThat(produce(broker.clientProperties(BusPermissions.IMPORTER), Topics.TRACKING_EVENTS))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void theTrackingServicePrincipalMayProduceTrackingEvents() {
        assertThat(produce(broker.clientProperties(BusPermissions.TRACKING_SERVICE), Topics.TRACKING_EVENTS)).isNull();
    }

    @Test
    void theImporterMayWriteImportRequestsAndNothingElse() {
        assertThat(produce(broker.clientProperties(BusPermissions.IMPORTER), Topics.IMPORT_REQUESTED)).isNull();
        List<String> others = BusPermissions.topics().stream()
                .filter(topic -> !topic.equals(Topics.IMPORT_REQUESTED)).toList();
        assertThat(others).contains(Topics.SEND_REQUESTED, Topics.IMPORT_COMPLETED, Topics.TRACKING_EVENTS);
        for (String topic : others) {
            assertThat(produce(broker.clientProperties(BusPermissions.IMPORTER), topic)).as(topic)
                    .isInstanceOf(TopicAuthorizationException.class);
        }
    }

    @Test
    void aServiceReplaysItsDeadLettersToItsOwnReplayTopicNotToTheTopicAnotherServiceOwns() {
        Map<String, Object> invoiceService = broker.clientProperties(BusPermissions.INVOICE_SERVICE);

        assertThat(produce(invoiceService, "tracking.events.invoice-service.replay")).isNull();
        assertThat(produce(invoiceService, "tracking.events.invoice-service.dlq")).isNull();
        assertThat(produce(invoiceService, "invoice.document-ready.mail-dispatch-service.replay"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    @Test
    void aClientWithoutCredentialsCannotProduce() {
        Map<String, Object> anonymous = new HashMap<>();
        anonymous.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        anonymous.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "PLAINTEXT");

        // the SASL listener never answers a client that does not start with a SASL handshake
        assertThat(produce(anonymous, Topics.TRACKING_EVENTS)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Map<String, Object> wrong = KafkaBroker.clientProperties(broker.bootstrapServers(),
                BusPermissions.TRACKING_SERVICE, broker.password(BusPermissions.TRACKING_SERVICE) + "x");

        assertThat(produce(wrong, Topics.TRACKING_EVENTS)).isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void aServiceCannotReadATopicItDoesNotConsume() {
        Map<String, Object> mailDispatch = broker.clientProperties(BusPermissions.MAIL_DISPATCH_SERVICE);

        // mail-dispatch reads invoice.document-ready and tracking.events (its notices), never the send requests
        assertThat(poll(mailDispatch, BusPermissions.MAIL_DISPATCH_SERVICE, Topics.SEND_REQUESTED))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(poll(mailDispatch, BusPermissions.MAIL_DISPATCH_SERVICE, Topics.DOCUMENT_READY)).isNull();
        assertThat(poll(mailDispatch, BusPermissions.MAIL_DISPATCH_SERVICE, Topics.TRACKING_EVENTS)).isNull();
    }

    @Test
    void aServiceCannotReadWithAnotherServicesConsumerGroup() {
        assertThat(poll(broker.clientProperties(BusPermissions.MAIL_DISPATCH_SERVICE), BusPermissions.INVOICE_SERVICE,
                Topics.DOCUMENT_READY)).isInstanceOf(GroupAuthorizationException.class);
    }

    /** Produces one record and waits for the broker's answer: null if it took it, else why not. */
    private static Throwable produce(Map<String, Object> client, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            Throwable refused = catchThrowable(() -> {
                RecordMetadata ignored = producer.send(new ProducerRecord<>(topic, "send-1", ACCEPTED))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            });
            return refused instanceof ExecutionException ? refused.getCause() : refused;
        }
    }

    /** Polls the topic as the group until it gets an answer or the wait is over: null if it was allowed. */
    private static Throwable poll(Map<String, Object> client, String group, String topic) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(200));
                    if (!consumer.assignment().isEmpty()) {
                        return null;
                    }
                } catch (RuntimeException refused) {
                    return refused;
                }
            }
            return new AssertionError("no answer for " + group + " on " + topic + " within " + WAIT);
        }
    }

}
