package com.invoicedelivery.tracking.link.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class LinkPersistenceConfiguration {

    @Bean
    LinkStore linkStore(MongoTemplate mongo) {
        return new LinkStore(mongo);
    }

    /** Links keep their ClientActivityRecorded events in an outbox; the kit's relay publishes them. */
    @Bean
    OutboxCollection linksOutbox() {
        return new OutboxCollection(LinkStore.COLLECTION);
    }
}
