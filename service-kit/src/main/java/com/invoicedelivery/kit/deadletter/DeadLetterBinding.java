package com.invoicedelivery.kit.deadletter;

import java.util.Arrays;
import java.util.List;

/**
 * A consumer binding whose failing records go to a dead-letter topic.
 *
 * @param binding         the binding's name, e.g. {@code renderDocument-in-0}
 * @param topic           the binding's destination: the topic the consumer reads (or a comma-separated list of them)
 * @param group           the consumer's group
 * @param deadLetterTopic the binding's {@code dlq-name}, by convention {@code <topic>.<group>.dlq}
 */
public record DeadLetterBinding(String binding, String topic, String group, String deadLetterTopic) {

    /** The consumer group whose committed offsets mark how far the dead-letter topic has been replayed. */
    public String replayGroup() {
        return group + ".dlq-replay";
    }

    /**
     * Where a dead letter goes again: the binding's topic. A binding that reads several topics takes the one the
     * binder says the record came from ({@code x-original-topic}), as long as it is one of them.
     */
    public String replayTopic(String originalTopic) {
        List<String> topics = Arrays.stream(topic.split(",")).map(String::trim).toList();
        if (topics.size() == 1) {
            return topics.get(0);
        }
        if (originalTopic != null && topics.contains(originalTopic)) {
            return originalTopic;
        }
        throw new IllegalStateException("a dead letter of " + binding + " names no topic of the binding: "
                + originalTopic);
    }
}
