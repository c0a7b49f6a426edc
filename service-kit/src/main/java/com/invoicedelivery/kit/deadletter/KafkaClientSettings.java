package com.invoicedelivery.kit.deadletter;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How to reach the brokers the binder uses: its {@code brokers} (a port missing from an address is its
 * {@code default-broker-port}, as for the binder) and its {@code configuration} for every client (e.g. security
 * settings). Records are replayed as bytes, exactly as they are on the dead-letter topic.
 */
public record KafkaClientSettings(String bootstrapServers, Map<String, String> common) {

    static final String BROKERS = "spring.cloud.stream.kafka.binder.brokers";
    static final String DEFAULT_BROKER_PORT = "spring.cloud.stream.kafka.binder.default-broker-port";
    static final String CONFIGURATION = "spring.cloud.stream.kafka.binder.configuration";

    public KafkaClientSettings {
        common = Map.copyOf(common);
    }

    public static KafkaClientSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        String[] brokers = binder.bind(BROKERS, String[].class).orElse(new String[] {"localhost"});
        String defaultPort = binder.bind(DEFAULT_BROKER_PORT, String.class).orElse("9092");
        String bootstrapServers = Arrays.stream(brokers)
                .map(String::trim)
                .filter(broker -> !broker.isEmpty())
                .map(broker -> broker.contains(":") ? broker : broker + ":" + defaultPort)
                .collect(Collectors.joining(","));
        Map<String, String> common = binder.bind(CONFIGURATION, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
        return new KafkaClientSettings(bootstrapServers, common);
    }

    /** A consumer that reads with {@code group}'s offsets but only commits when told, {@code maxRecords} a poll. */
    Map<String, Object> consumer(String group, int maxRecords) {
        Map<String, Object> config = base();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // looking at a dead-letter topic that was never needed must not create it
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxRecords);
        // an operator waits for the answer: a broker that cannot be reached fails the request soon
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return config;
    }

    /** A producer whose acknowledgement means every in-sync replica has the record, as for the services' events. */
    Map<String, Object> producer() {
        Map<String, Object> config = base();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return config;
    }

    /** An admin client that only reads (offsets, topics' partitions, groups' offsets); an answer within 10 s. */
    Map<String, Object> admin() {
        Map<String, Object> config = base();
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return config;
    }

    private Map<String, Object> base() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }
}
