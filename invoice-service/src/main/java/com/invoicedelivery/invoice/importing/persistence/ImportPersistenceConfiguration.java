package com.invoicedelivery.invoice.importing.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class ImportPersistenceConfiguration {

    @Bean
    ImportBatchStore importBatchStore(MongoTemplate mongo) {
        return new ImportBatchStore(mongo);
    }

    /** Batches from Kafka keep their InvoiceImportCompleted answer in an outbox; the kit's relay publishes it. */
    @Bean
    OutboxCollection importBatchesOutbox() {
        return new OutboxCollection(ImportBatchStore.COLLECTION);
    }

    /** The answers to batches from Kafka refused whole. */
    @Bean
    OutboxCollection importRefusalsOutbox() {
        return new OutboxCollection(ImportBatchStore.REFUSALS);
    }
}
