package com.invoicedelivery.kit.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** A dead letter's reason is the cause an operator can act on, not Spring's wrapping of it. */
class DeadLetterReasonsTest {

    private static final String WRAPPED = "error occurred in message handler "
            + "[org.springframework.cloud.stream.function.FunctionConfiguration$FunctionToDestinationBinder$1@2d66ba9d]; "
            + "schema version 3 of InvoiceSendRequested is not one this release reads [1, 2]";

    @Test
    void theHandlerWrappingIsStrippedFromTheReason() {
        assertThat(DeadLetterReasons.reason(WRAPPED))
                .isEqualTo("schema version 3 of InvoiceSendRequested is not one this release reads [1, 2]");
        assertThat(DeadLetterReasons.reason("the record names no send")).isEqualTo("the record names no send");
        assertThat(DeadLetterReasons.reason("error occurred in message handler [x@1]"))
                .as("nothing else to say: kept").isEqualTo("error occurred in message handler [x@1]");
    }

    @Test
    void theDeadLetterProducerRewritesOnlyTheReasonHeader() {
        ProducerRecord<Object, Object> record = new ProducerRecord<>("t.dlq", "k", "v");
        record.headers().add("x-exception-message", WRAPPED.getBytes(StandardCharsets.UTF_8));
        record.headers().add("x-original-topic", "t".getBytes(StandardCharsets.UTF_8));

        ProducerRecord<Object, Object> sent;
        try (DeadLetterReasons interceptor = new DeadLetterReasons()) {
            sent = interceptor.onSend(record);
        }

        assertThat(new String(sent.headers().lastHeader("x-exception-message").value(), StandardCharsets.UTF_8))
                .startsWith("schema version 3");
        assertThat(sent.headers().headers("x-exception-message")).hasSize(1);
        assertThat(new String(sent.headers().lastHeader("x-original-topic").value(), StandardCharsets.UTF_8))
                .isEqualTo("t");
    }
}
