package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.invoicedelivery.kit.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DeadLetterBindingsTest {

    private final MockEnvironment environment = new MockEnvironment()
            .withProperty("spring.cloud.stream.bindings.renderDocument-in-0.destination", "invoice.send-requested")
            .withProperty("spring.cloud.stream.bindings.renderDocument-in-0.group", "pdf-service")
            .withProperty("spring.cloud.stream.bindings.renderDocument-in-0.consumer.concurrency", "2")
            .withProperty("spring.cloud.stream.kafka.bindings.renderDocument-in-0.consumer.dlq-name",
                    "invoice.send-requested.pdf-service.dlq")
            // a consumer without a dead-letter topic of its own
            .withProperty("spring.cloud.stream.bindings.audit-in-0.destination", "invoice.sent")
            .withProperty("spring.cloud.stream.bindings.audit-in-0.group", "pdf-service")
            // an anonymous consumer: the binder sends nothing of it to a dead-letter topic
            .withProperty("spring.cloud.stream.bindings.watch-in-0.destination", "invoice.sent")
            .withProperty("spring.cloud.stream.kafka.bindings.watch-in-0.consumer.dlq-name", "invoice.sent.watch.dlq")
            // a producer
            .withProperty("spring.cloud.stream.bindings.documentRendered-out-0.destination", "pdf.document-rendered")
            .withProperty("spring.cloud.stream.kafka.bindings.documentRendered-out-0.producer.sync", "true")
            .withProperty("spring.cloud.stream.bindings.acknowledge-in-0.destination", "mail.a, mail.b")
            .withProperty("spring.cloud.stream.bindings.acknowledge-in-0.group", "pdf-service")
            .withProperty("spring.cloud.stream.kafka.bindings.acknowledge-in-0.consumer.dlqName", "mail.pdf-service.dlq");

    @Test
    void theConsumersWithADeadLetterTopicAreTheBindingsInTheOrderOfTheirNames() {
        assertThat(DeadLetterBindings.from(environment).all()).containsExactly(
                new DeadLetterBinding("acknowledge-in-0", "mail.a, mail.b", "pdf-service", "mail.pdf-service.dlq"),
                new DeadLetterBinding("renderDocument-in-0", "invoice.send-requested", "pdf-service",
                        "invoice.send-requested.pdf-service.dlq"));
    }

    @Test
    void aBindingIsFoundByItsExactName() {
        DeadLetterBindings bindings = DeadLetterBindings.from(environment);

        assertThat(bindings.named("renderDocument-in-0").replayGroup()).isEqualTo("pdf-service.dlq-replay");
        assertThatThrownBy(() -> bindings.named("audit-in-0")).isInstanceOf(NotFoundException.class)
                .hasMessageContaining("audit-in-0");
        assertThatThrownBy(() -> bindings.named("documentRendered-out-0")).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aServiceWithoutBindingsHasNoDeadLetters() {
        assertThat(DeadLetterBindings.from(new MockEnvironment()).all()).isEmpty();
    }

    @Test
    void aDeadLetterGoesBackToTheBindingsTopicOrForSeveralTopicsToTheOneItCameFrom() {
        DeadLetterBinding single = new DeadLetterBinding("b-in-0", "t", "g", "t.g.dlq");
        DeadLetterBinding several = new DeadLetterBinding("b-in-0", "mail.a, mail.b", "g", "mail.g.dlq");

        assertThat(single.replayTopic(null)).isEqualTo("t");
        assertThat(single.replayTopic("elsewhere")).isEqualTo("t");
        assertThat(several.replayTopic("mail.b")).isEqualTo("mail.b");
        assertThatThrownBy(() -> several.replayTopic("elsewhere")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> several.replayTopic(null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aBindingThatReadsItsOwnReplayTopicGetsItsDeadLettersThereAndOnlyThere() {
        DeadLetterBinding binding = new DeadLetterBinding("b-in-0", "tracking.events, tracking.events.g.replay", "g",
                "tracking.events.g.dlq");

        assertThat(DeadLetterBinding.replayTopicOf("tracking.events", "g")).isEqualTo("tracking.events.g.replay");
        assertThat(binding.replayTopic("tracking.events")).isEqualTo("tracking.events.g.replay");
        // failed again after a replay: back to the replay topic, never to the topic another service owns
        assertThat(binding.replayTopic("tracking.events.g.replay")).isEqualTo("tracking.events.g.replay");
        assertThatThrownBy(() -> binding.replayTopic("tracking.events.other.replay"))
                .isInstanceOf(IllegalStateException.class);
    }
}
