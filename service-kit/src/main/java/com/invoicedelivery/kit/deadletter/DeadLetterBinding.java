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

    public static final String REPLAY_SUFFIX = ".replay";

    /** The consumer group whose committed offsets mark how far the dead-letter topic has been replayed. */
    public String replayGroup() {
        return group + ".dlq-replay";
    }

    /**
     * Where a dead letter goes again. The topic it came from: the binding's topic, or for a binding that reads
     * several, the one the binder says the record came from ({@code x-original-topic}), as long as it is one of them.
     * If the binding also reads that topic's replay topic ({@code <topic>.<group>.replay}, see
     * {@link #replayTopicOf}), the dead letter goes there: only this consumer reads it again (not every group of
     * the topic), and the service needs no right to write a topic another service owns (the bus's ACLs give it
     * none). A record that failed again after a replay names the replay topic, and goes back to it.
     */
    public String replayTopic(String originalTopic) {
        List<String> topics = Arrays.stream(topic.split(",")).map(String::trim).toList();
        String source;
        if (topics.size() == 1) {
            source = topics.get(0);
        } else if (originalTopic != null && topics.contains(originalTopic)) {
            source = originalTopic;
        } else {
            throw new IllegalStateException("a dead letter of " + binding + " names no topic of the binding: "
                    + originalTopic);
        }
        String own = replayTopicOf(source, group);
        return source.endsWith(REPLAY_SUFFIX) || !topics.contains(own) ? source : own;
    }

    /** The topic a consumer group's dead letters of {@code topic} are replayed to: {@code <topic>.<group>.replay}. */
    public static String replayTopicOf(String topic, String group) {
        return topic + "." + group + REPLAY_SUFFIX;
    }
}
