package com.invoicedelivery.kit.deadletter;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Turns a dead letter back into the record the consumer failed on: same key, value and headers, without what the
 * binder added when it gave up on it ({@code x-exception-*}, {@code x-original-*}), and saying where it was replayed
 * from. The key alone picks the partition, as for the original record.
 */
public final class DeadLetterRecords {

    /** {@code <dead-letter topic>-<partition>@<offset>} of the dead letter a record was replayed from. */
    public static final String REPLAYED_FROM = "x-replayed-from";
    static final String ORIGINAL_TOPIC = "x-original-topic";

    private static final String[] BINDER_PREFIXES = {"x-exception-", "x-original-"};

    private DeadLetterRecords() {
    }

    static ProducerRecord<byte[], byte[]> replayOf(ConsumerRecord<byte[], byte[]> deadLetter, DeadLetterBinding binding) {
        String topic = binding.replayTopic(text(deadLetter.headers().lastHeader(ORIGINAL_TOPIC)));
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), replayHeaders(deadLetter));
    }

    static Headers replayHeaders(ConsumerRecord<?, ?> deadLetter) {
        Headers headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!addedByTheBinder(header.key()) && !REPLAYED_FROM.equals(header.key())) {
                headers.add(header);
            }
        }
        // a record replayed more than once names only the dead letter it came from this time
        headers.add(REPLAYED_FROM, position(deadLetter).getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    /** {@code <topic>-<partition>@<offset>}, as Spring for Apache Kafka names a record in its logs. */
    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    private static boolean addedByTheBinder(String key) {
        for (String prefix : BINDER_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String text(Header header) {
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
