package com.invoicedelivery.kit.deadletter;

import io.swagger.v3.oas.annotations.media.Schema;

/** A consumer binding's dead-letter topic and how many of its records wait for a replay. */
public record DeadLetterQueue(
        @Schema(description = "The consumer binding's name, e.g. renderDocument-in-0.",
                example = "renderDocument-in-0") String binding,
        @Schema(description = "The topic the binding consumes (or a comma-separated list of them).",
                example = "invoice.send-requested,invoice.send-requested.pdf-service.replay") String topic,
        @Schema(description = "The binding's consumer group.", example = "pdf-service") String group,
        @Schema(description = "The topic the binding's dead letters go to, by convention <topic>.<group>.dlq.",
                example = "invoice.send-requested.pdf-service.dlq")
        String deadLetterTopic,
        @Schema(description = "How many dead letters wait for a replay.", example = "3") long waiting) {
}
