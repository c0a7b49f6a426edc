package com.invoicedelivery.invoice.importing.application;

import java.time.Clock;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.importing.persistence.ImportBatchStore;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.send.application.SendIssuer;
import com.invoicedelivery.invoice.send.application.SendingContexts;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class ImportConfiguration {

    @Bean
    RowImporter rowImporter(Clients clients, Invoices invoices, SendIssuer issuer) {
        return new RowImporter(clients, invoices, issuer);
    }

    @Bean
    Importing importing(ImportBatchStore batches, RowImporter rows, SendingContexts contexts, OutboxEntries outbox,
                        OutboxRelay relay, Clock clock) {
        return new Importing(batches, rows, contexts, outbox, relay, clock);
    }
}
