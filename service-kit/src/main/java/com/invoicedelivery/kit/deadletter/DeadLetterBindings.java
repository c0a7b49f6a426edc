package com.invoicedelivery.kit.deadletter;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.invoicedelivery.kit.problem.NotFoundException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The service's consumer bindings that have a dead-letter topic, read from the same properties the binder reads:
 * {@code spring.cloud.stream.bindings.<name>.{destination,group}} and
 * {@code spring.cloud.stream.kafka.bindings.<name>.consumer.dlq-name}.
 */
public final class DeadLetterBindings {

    static final String BINDINGS = "spring.cloud.stream.bindings";
    static final String KAFKA_BINDINGS = "spring.cloud.stream.kafka.bindings";

    private final Map<String, DeadLetterBinding> byName;

    DeadLetterBindings(List<DeadLetterBinding> bindings) {
        Map<String, DeadLetterBinding> sorted = new TreeMap<>();
        bindings.forEach(binding -> sorted.put(binding.binding(), binding));
        this.byName = sorted;
    }

    public static DeadLetterBindings from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Destination> destinations = binder
                .bind(BINDINGS, Bindable.mapOf(String.class, Destination.class)).orElse(Map.of());
        Map<String, KafkaBinding> kafkaBindings = binder
                .bind(KAFKA_BINDINGS, Bindable.mapOf(String.class, KafkaBinding.class)).orElse(Map.of());
        List<DeadLetterBinding> bindings = kafkaBindings.entrySet().stream()
                .filter(kafka -> kafka.getValue().deadLetterTopic() != null)
                .filter(kafka -> destinations.containsKey(kafka.getKey())
                        && destinations.get(kafka.getKey()).isConsumerGroup())
                .map(kafka -> {
                    Destination destination = destinations.get(kafka.getKey());
                    return new DeadLetterBinding(kafka.getKey(), destination.destination(), destination.group(),
                            kafka.getValue().deadLetterTopic());
                })
                .toList();
        return new DeadLetterBindings(bindings);
    }

    /** In the order of their names. */
    public List<DeadLetterBinding> all() {
        return List.copyOf(byName.values());
    }

    public DeadLetterBinding named(String binding) {
        DeadLetterBinding found = byName.get(binding);
        if (found == null) {
            throw new NotFoundException("Dead-letter binding", binding);
        }
        return found;
    }

    /** {@code spring.cloud.stream.bindings.<name>}: only what tells where a consumer reads. */
    record Destination(String destination, String group) {

        boolean isConsumerGroup() {
            return destination != null && !destination.isBlank() && group != null && !group.isBlank();
        }
    }

    /** {@code spring.cloud.stream.kafka.bindings.<name>}. */
    record KafkaBinding(KafkaConsumer consumer) {

        String deadLetterTopic() {
            return consumer == null || consumer.dlqName() == null || consumer.dlqName().isBlank()
                    ? null : consumer.dlqName();
        }
    }

    /** {@code spring.cloud.stream.kafka.bindings.<name>.consumer}. */
    record KafkaConsumer(String dlqName) {
    }
}
