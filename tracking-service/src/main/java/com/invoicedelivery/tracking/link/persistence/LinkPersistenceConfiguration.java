package com.invoicedelivery.tracking.link.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class LinkPersistenceConfiguration {

    /** Links keep their ClientActivityRecorded events in an outbox; the kit's relay publishes them. */
    @Bean
    OutboxCollection linksOutbox() {
        return new OutboxCollection(LinkStore.COLLECTION);
    }
}
