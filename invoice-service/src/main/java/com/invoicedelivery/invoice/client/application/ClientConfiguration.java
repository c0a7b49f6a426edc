package com.invoicedelivery.invoice.client.application;

import java.time.Clock;

import com.invoicedelivery.invoice.client.persistence.ClientStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class ClientConfiguration {

    @Bean
    ClientStore clientStore(MongoTemplate mongo) {
        return new ClientStore(mongo);
    }

    @Bean
    Clients clients(ClientStore store, Clock clock) {
        return new Clients(store, clock);
    }
}
