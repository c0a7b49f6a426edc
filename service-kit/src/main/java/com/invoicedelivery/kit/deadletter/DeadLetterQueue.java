package com.invoicedelivery.kit.deadletter;

/** A consumer binding's dead-letter topic and how many of its records wait for a replay. */
public record DeadLetterQueue(String binding, String topic, String group, String deadLetterTopic, long waiting) {
}
