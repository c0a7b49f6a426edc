package com.invoicedelivery.pdf.documents.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.gridfs.GridFsTemplate;

/** The stores of documents and render failures, and their collections' outboxes for the kit's relay. */
@Configuration(proxyBeanMethods = false)
public class DocumentPersistenceConfiguration {

    @Bean
    DocumentRepository documentRepository(MongoTemplate mongo, GridFsTemplate gridFs) {
        return new DocumentRepository(mongo, gridFs);
    }

    @Bean
    RenderFailureRepository renderFailureRepository(MongoTemplate mongo) {
        return new RenderFailureRepository(mongo);
    }

    @Bean
    OutboxCollection documentsOutbox() {
        return new OutboxCollection(DocumentRepository.COLLECTION);
    }

    @Bean
    OutboxCollection renderFailuresOutbox() {
        return new OutboxCollection(RenderFailureRepository.COLLECTION);
    }
}
