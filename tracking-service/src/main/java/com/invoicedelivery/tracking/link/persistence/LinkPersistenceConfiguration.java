package com.invoicedelivery.tracking.link.persistence;

import java.time.Clock;

import com.invoicedelivery.tracking.link.application.SharedClientLimitProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SharedClientLimitProperties.class)
class LinkPersistenceConfiguration {

    /** The link pages' count per client address across the replicas. */
    @Bean
    StoredRequestWindows storedRequestWindows(MongoTemplate mongo, SharedClientLimitProperties limit, Clock clock) {
        return new StoredRequestWindows(mongo, limit.perClientPerMinute(), clock);
    }

    /** Links keep their ClientActivityRecorded events in an outbox; the kit's relay publishes them. */
    @Bean
    OutboxCollection linksOutbox() {
        return new OutboxCollection(LinkStore.COLLECTION);
    }
}
