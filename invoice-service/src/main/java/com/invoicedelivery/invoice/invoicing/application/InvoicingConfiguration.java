package com.invoicedelivery.invoice.invoicing.application;

import java.time.Clock;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceNumberSequence;
import com.invoicedelivery.invoice.invoicing.persistence.InvoiceStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
public class InvoicingConfiguration {

    @Bean
    InvoiceStore invoiceStore(MongoTemplate mongo) {
        return new InvoiceStore(mongo);
    }

    @Bean
    InvoiceNumberSequence invoiceNumberSequence(MongoTemplate mongo) {
        return new InvoiceNumberSequence(mongo);
    }

    @Bean
    Invoices invoices(InvoiceStore store, InvoiceNumberSequence sequence, Clients clients, Clock clock) {
        return new Invoices(store, sequence, clients, clock);
    }
}
