package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.StreamSupport;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class DeadLetterRecordsTest {

    private static final DeadLetterBinding BINDING =
            new DeadLetterBinding("receiveGreeting-in-0", "kit.greetings", "kit-sample", "kit.greetings.kit-sample.dlq");

    @Test
    void theReplayIsTheOriginalRecordWithoutTheBindersHeadersAndSaysWhereItCameFrom() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_id", bytes("event-1"));
        headers.add("x-original-topic", bytes("kit.greetings"));
        headers.add("x-original-offset", bytes("12"));
        headers.add("x-exception-message", bytes("boom"));
        headers.add("x-exception-stacktrace", bytes("at ..."));
        headers.add("x-exception-fqcn", bytes("java.lang.IllegalStateException"));
        headers.add("x-replayed-from", bytes("kit.greetings.kit-sample.dlq-0@1"));
        ConsumerRecord<byte[], byte[]> deadLetter = deadLetter(2, 7, bytes("key"), bytes("{\"name\":\"a\"}"), headers);

        ProducerRecord<byte[], byte[]> replay = DeadLetterRecords.replayOf(deadLetter, BINDING);

        assertThat(replay.topic()).isEqualTo("kit.greetings");
        assertThat(replay.partition()).as("the key picks it").isNull();
        assertThat(replay.key()).isEqualTo(bytes("key"));
        assertThat(replay.value()).isEqualTo(bytes("{\"name\":\"a\"}"));
        assertThat(StreamSupport.stream(replay.headers().spliterator(), false).map(Header::key))
                .containsExactly("ce_id", "x-replayed-from");
        assertThat(replay.headers().lastHeader("x-replayed-from").value())
                .isEqualTo(bytes("kit.greetings.kit-sample.dlq-2@7"));
    }

    @Test
    void aRecordWithoutKeyOrValueStaysSo() {
        ProducerRecord<byte[], byte[]> replay =
                DeadLetterRecords.replayOf(deadLetter(0, 0, null, null, new RecordHeaders()), BINDING);

        assertThat(replay.key()).isNull();
        assertThat(replay.value()).isNull();
    }

    private static ConsumerRecord<byte[], byte[]> deadLetter(int partition, long offset, byte[] key, byte[] value,
                                                             RecordHeaders headers) {
        return new ConsumerRecord<>(BINDING.deadLetterTopic(), partition, offset, 0L, TimestampType.CREATE_TIME,
                -1, -1, key, value, headers, Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
