package com.invoicedelivery.invoice.send.application;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.send.domain.PersonalLinks;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SendConfiguration {

    @Bean
    PersonalLinks personalLinks(@Value("${invoice.links.base-url}") String baseUrl,
                                @Value("${invoice.links.validity:180d}") Duration validity) {
        return new PersonalLinks(new SecureRandom(), baseUrl, validity);
    }

    @Bean
    InvoiceSending invoiceSending(Invoices invoices, Clients clients, Tenants tenants, SendStore sends,
                                  PersonalLinks links, OutboxEntries outbox, OutboxRelay relay, Clock clock) {
        return new InvoiceSending(invoices, clients, tenants, sends, links, outbox, relay, clock);
    }

    @Bean
    SendProgressRecorder sendProgressRecorder(SendStore sends, Invoices invoices) {
        return new SendProgressRecorder(sends, invoices);
    }

    @Bean
    SendQueries sendQueries(SendStore sends, Invoices invoices) {
        return new SendQueries(sends, invoices);
    }
}
