package com.invoicedelivery.mail.dispatch.persistence;

import com.invoicedelivery.kit.messaging.OutboxCollection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class DispatchPersistenceConfiguration {

    @Bean
    JobStore jobStore(MongoTemplate mongo) {
        return new JobStore(mongo);
    }

    /** Jobs keep their EmailDeliveryStatusChanged events in an outbox; the kit's relay publishes them. */
    @Bean
    OutboxCollection dispatchJobsOutbox() {
        return new OutboxCollection(JobStore.COLLECTION);
    }
}
