package com.invoicedelivery.invoice.send.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class SendPersistenceConfiguration {

    @Bean
    SendStore sendStore(MongoTemplate mongo) {
        return new SendStore(mongo);
    }

    @Bean
    IdempotencyKeyStore idempotencyKeyStore(MongoTemplate mongo) {
        return new IdempotencyKeyStore(mongo);
    }

    /** Sends keep their InvoiceSendRequested event in an outbox; the kit's relay publishes it. */
    @Bean
    OutboxCollection sendsOutbox() {
        return new OutboxCollection(SendStore.COLLECTION);
    }
}
