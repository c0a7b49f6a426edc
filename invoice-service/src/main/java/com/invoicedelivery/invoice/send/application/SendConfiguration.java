package com.invoicedelivery.invoice.send.application;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.send.domain.PersonalLinks;
import com.invoicedelivery.invoice.send.persistence.IdempotencyKeyStore;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.template.application.Templates;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.seal.Sealer;
import com.invoicedelivery.kit.security.PemKeys;
import io.micrometer.core.instrument.MeterRegistry;
import com.invoicedelivery.invoice.suppression.application.Suppressions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PersonalLinkProperties.class)
public class SendConfiguration {

    @Bean
    PersonalLinks personalLinks(PersonalLinkProperties properties) throws IOException {
        Sealer sealer = Sealer.to(PemKeys.readRsaPublicKey(properties.sealPublicKey()));
        return new PersonalLinks(new SecureRandom(), properties.baseUrl(), properties.validity(),
                content -> sealer.seal(content.fields()));
    }

    @Bean
    SendingContexts sendingContexts(Tenants tenants, Templates templates) {
        return new SendingContexts(tenants, templates);
    }

    @Bean
    SendIssuer sendIssuer(SendStore sends, Invoices invoices, PersonalLinks links, OutboxEntries outbox,
                          OutboxRelay relay, Clock clock, MeterRegistry meters) {
        return new SendIssuer(sends, invoices, links, outbox, relay, clock, meters);
    }

    @Bean
    IdempotentRequests idempotentRequests(IdempotencyKeyStore keys, Clock clock) {
        return new IdempotentRequests(keys, clock);
    }

    @Bean
    InvoiceSending invoiceSending(Invoices invoices, Clients clients, SendingContexts contexts,
                                  IdempotentRequests idempotency, SendIssuer issuer) {
        return new InvoiceSending(invoices, clients, contexts, idempotency, issuer);
    }

    @Bean
    BulkSending bulkSending(Invoices invoices, Clients clients, SendingContexts contexts,
                            IdempotentRequests idempotency, SendIssuer issuer, Suppressions suppressions) {
        return new BulkSending(invoices, clients, contexts, idempotency, issuer, suppressions);
    }

    @Bean
    SendPreviews sendPreviews(Invoices invoices, Clients clients, SendingContexts contexts,
                              Suppressions suppressions) {
        return new SendPreviews(invoices, clients, contexts, suppressions);
    }

    @Bean
    LinkRenewals linkRenewals(SendStore sends, Tenants tenants, Invoices invoices, Clients clients, SendIssuer issuer) {
        return new LinkRenewals(sends, tenants, invoices, clients, issuer);
    }

    @Bean
    SendProgressRecorder sendProgressRecorder(SendStore sends, Invoices invoices) {
        return new SendProgressRecorder(sends, invoices);
    }

    @Bean
    DeliveryOverviews deliveryOverviews(SendStore sends, Clock clock) {
        return new DeliveryOverviews(sends, clock);
    }

    @Bean
    SendQueries sendQueries(SendStore sends, Invoices invoices) {
        return new SendQueries(sends, invoices);
    }
}
