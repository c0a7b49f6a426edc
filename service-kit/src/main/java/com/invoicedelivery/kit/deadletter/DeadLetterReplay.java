package com.invoicedelivery.kit.deadletter;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows and replays the dead letters of the service's consumers. A replay publishes waiting dead letters to the
 * binding's topic again and then commits the replay group's offsets past them, so each is replayed once; the
 * consumer reads it as any record, and if it still fails it goes to the dead-letter topic again, to wait anew.
 *
 * <p>Replays of one service instance run one at a time. Two instances replaying the same binding at the same
 * moment may both publish a record; consumers are idempotent, as for any redelivery.
 */
public class DeadLetterReplay implements AutoCloseable {

    public static final int DEFAULT_MAX = 100;
    public static final int MAX = 1000;

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);
    private static final long ACKNOWLEDGEMENT_SECONDS = 30;

    private final DeadLetterBindings bindings;
    private final KafkaClientSettings kafka;
    private final DeadLetterCounts counts;

    public DeadLetterReplay(DeadLetterBindings bindings, KafkaClientSettings kafka) {
        this.bindings = bindings;
        this.kafka = kafka;
        this.counts = new DeadLetterCounts(kafka);
    }

    public List<DeadLetterQueue> queues() {
        Map<String, Long> waiting = counts.waiting(bindings.all());
        return bindings.all().stream().map(binding -> new DeadLetterQueue(binding.binding(), binding.topic(),
                binding.group(), binding.deadLetterTopic(), waiting.get(binding.binding()))).toList();
    }

    /** Replays up to {@code max} waiting dead letters of {@code bindingName}, oldest first in each partition. */
    public synchronized ReplayResult replay(String bindingName, int max) {
        DeadLetterBinding binding = bindings.named(bindingName);
        try (DeadLetterTopic deadLetters = open(binding, max)) {
            List<ConsumerRecord<byte[], byte[]>> records = deadLetters.readWaiting(max);
            if (!records.isEmpty()) {
                republish(records, binding, deadLetters);
                log.info("replayed {} dead letters of {} from {} to {}", records.size(), binding.binding(),
                        binding.deadLetterTopic(), binding.topic());
            }
            return new ReplayResult(binding.binding(), records.size(), deadLetters.waiting());
        }
    }

    private DeadLetterTopic open(DeadLetterBinding binding, int maxRecords) {
        return new DeadLetterTopic(new KafkaConsumer<>(kafka.consumer(binding.replayGroup(), maxRecords)),
                binding.deadLetterTopic());
    }

    /**
     * Publishes all, then waits for each acknowledgement in order. What Kafka acknowledged is marked replayed even
     * when a later record fails, so a retry publishes only the rest.
     */
    private void republish(List<ConsumerRecord<byte[], byte[]>> records, DeadLetterBinding binding,
                           DeadLetterTopic deadLetters) {
        // all replays are built before any is sent: a dead letter that names no topic of the binding sends none
        List<ProducerRecord<byte[], byte[]>> replays =
                records.stream().map(record -> DeadLetterRecords.replayOf(record, binding)).toList();
        Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
        try (Producer<byte[], byte[]> producer = new KafkaProducer<>(kafka.producer())) {
            List<Future<RecordMetadata>> acknowledgements = new ArrayList<>();
            for (ProducerRecord<byte[], byte[]> replay : replays) {
                acknowledgements.add(producer.send(replay));
            }
            for (int i = 0; i < records.size(); i++) {
                ConsumerRecord<byte[], byte[]> record = records.get(i);
                awaitAcknowledgement(acknowledgements.get(i), record);
                replayed.put(DeadLetterTopic.partitionOf(record), new OffsetAndMetadata(record.offset() + 1));
            }
        } finally {
            if (!replayed.isEmpty()) {
                deadLetters.markReplayed(replayed);
            }
        }
    }

    /** Closes the admin client the counts use. */
    @Override
    public void close() {
        counts.close();
    }

    private static void awaitAcknowledgement(Future<RecordMetadata> acknowledgement, ConsumerRecord<?, ?> record) {
        try {
            acknowledgement.get(ACKNOWLEDGEMENT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + DeadLetterRecords.position(record), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the replay of " + DeadLetterRecords.position(record), e);
        }
    }
}
