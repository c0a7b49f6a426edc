package com.invoicedelivery.pdf.documents.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The collections whose documents carry outboxes, for the kit's relay to publish from. */
@Configuration(proxyBeanMethods = false)
public class OutboxCollections {

    @Bean
    OutboxCollection documentsOutbox() {
        return new OutboxCollection(DocumentRepository.COLLECTION);
    }

    @Bean
    OutboxCollection renderFailuresOutbox() {
        return new OutboxCollection(RenderFailureRepository.COLLECTION);
    }
}
