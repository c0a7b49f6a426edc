package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class DeadLetterTopicTest {

    private static final String TOPIC = "kit.greetings.kit-sample.dlq";
    private static final TopicPartition FIRST = new TopicPartition(TOPIC, 0);
    private static final TopicPartition SECOND = new TopicPartition(TOPIC, 1);

    private final MockConsumer<byte[], byte[]> consumer = new MockConsumer<>("earliest");

    @Test
    void whatWaitsIsAfterTheReplayedRecordsOrTheOldestKept() {
        // partition 0: records 0..4, 0..1 replayed; partition 1: records 3..5 kept (0..2 deleted), none replayed
        givenPartitions(Map.of(FIRST, 0L, SECOND, 3L), Map.of(FIRST, 5L, SECOND, 6L));

        try (DeadLetterTopic deadLetters = new DeadLetterTopic(consumer, TOPIC)) {
            givenReplayedUpTo(2);
            assertThat(deadLetters.waiting()).isEqualTo(3 + 3);
        }
    }

    @Test
    void readingTakesAtMostMaxWaitingRecordsInOrder() {
        givenPartitions(Map.of(FIRST, 0L), Map.of(FIRST, 4L));
        DeadLetterTopic deadLetters = new DeadLetterTopic(consumer, TOPIC);
        givenReplayedUpTo(1);
        for (long offset = 0; offset < 4; offset++) {
            consumer.addRecord(record(FIRST, offset));
        }

        assertThat(deadLetters.readWaiting(2)).extracting(ConsumerRecord::offset).containsExactly(1L, 2L);
    }

    @Test
    void readingStopsAtWhatWasOnTheTopicWhenItBegan() {
        givenPartitions(Map.of(FIRST, 0L), Map.of(FIRST, 2L));
        DeadLetterTopic deadLetters = new DeadLetterTopic(consumer, TOPIC);
        for (long offset = 0; offset < 3; offset++) {
            // offset 2 came later: say, a replayed record that failed again
            consumer.addRecord(record(FIRST, offset));
        }

        assertThat(deadLetters.readWaiting(10)).extracting(ConsumerRecord::offset).containsExactly(0L, 1L);
    }

    @Test
    void markingRecordsReplayedMeansTheyNoLongerWait() {
        givenPartitions(Map.of(FIRST, 0L), Map.of(FIRST, 3L));
        DeadLetterTopic deadLetters = new DeadLetterTopic(consumer, TOPIC);

        deadLetters.markReplayed(Map.of(FIRST, new OffsetAndMetadata(2)));

        assertThat(deadLetters.waiting()).isEqualTo(1);
    }

    @Test
    void aDeadLetterTopicThatDoesNotExistHasNothingWaiting() {
        try (DeadLetterTopic deadLetters = new DeadLetterTopic(consumer, "never.created.dlq")) {
            assertThat(deadLetters.waiting()).isZero();
            assertThat(deadLetters.readWaiting(10)).isEmpty();
        }
    }

    private void givenPartitions(Map<TopicPartition, Long> oldest, Map<TopicPartition, Long> ends) {
        Node node = new Node(0, "localhost", 9092);
        consumer.updatePartitions(TOPIC, oldest.keySet().stream()
                .map(partition -> new PartitionInfo(TOPIC, partition.partition(), node, new Node[0], new Node[0]))
                .toList());
        consumer.updateBeginningOffsets(oldest);
        consumer.updateEndOffsets(ends);
    }

    /** As an earlier replay left it (the mock consumer keeps commits of its assigned partitions only). */
    private void givenReplayedUpTo(long nextOffset) {
        consumer.commitSync(Map.of(FIRST, new OffsetAndMetadata(nextOffset)));
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, new byte[0], new byte[0]);
    }
}
