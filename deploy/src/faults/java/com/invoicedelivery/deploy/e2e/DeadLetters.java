package com.invoicedelivery.deploy.e2e;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.BusPermissions;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records the dead-letter topics ({@code *.dlq}) hold, all together, read as the tests' reader. */
final class DeadLetters {

    private DeadLetters() {
    }

    static long count(LocalPlatform platform) {
        Properties properties = new Properties();
        properties.putAll(platform.kafkaClientProperties(BusPermissions.TEST_READER));
        try (Admin admin = Admin.create(properties);
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties, new ByteArrayDeserializer(),
                     new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : admin.listTopics().names().get()) {
                if (topic.endsWith(".dlq")) {
                    consumer.partitionsFor(topic).forEach(info -> partitions.add(
                            new TopicPartition(info.topic(), info.partition())));
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions);
            return partitions.stream().mapToLong(partition -> ends.get(partition) - starts.get(partition)).sum();
        } catch (Exception e) {
            throw new IllegalStateException("cannot count the dead letters", e);
        }
    }
}
