package com.invoicedelivery.kit.messaging;

/**
 * Declares (as a bean) a MongoDB collection whose documents keep an outbox in their
 * {@value OutboxEntry#FIELD} field; the {@link OutboxRelay} publishes from every declared collection.
 */
public record OutboxCollection(String name) {
}
