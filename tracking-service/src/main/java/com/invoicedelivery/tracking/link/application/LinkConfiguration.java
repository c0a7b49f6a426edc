package com.invoicedelivery.tracking.link.application;

import java.time.Clock;

import com.invoicedelivery.kit.document.DocumentClient;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.tracking.consent.application.Consents;
import com.invoicedelivery.tracking.link.domain.MachineSuspicion;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import com.invoicedelivery.tracking.link.persistence.SpentFormTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The link pages' application services, the link rules that configuration may tune ({@link LinkProperties}), and
 * where the links' documents come from.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LinkProperties.class)
class LinkConfiguration {

    @Bean
    MachineSuspicion machineSuspicion(LinkProperties properties) {
        LinkProperties.SuspectedMachine machines = properties.suspectedMachine();
        return new MachineSuspicion(machines.deliveryWindow(), machines.minimumDwell(), machines.extraUserAgents());
    }

    /** Spent form tokens are remembered as long as configured (persistence takes no configuration itself). */
    @Bean
    SpentFormTokenStore spentFormTokenStore(MongoTemplate mongo, LinkProperties properties) {
        return new SpentFormTokenStore(mongo, properties.formTokenRetention());
    }

    /** Links are deleted the configured time after they expired (persistence takes no configuration itself). */
    @Bean
    LinkStore linkStore(MongoTemplate mongo, LinkProperties properties) {
        return new LinkStore(mongo, properties.activityRetention());
    }

    @Bean
    FormTokens formTokens(SpentFormTokenStore spent, Clock clock) {
        return new FormTokens(spent, clock);
    }

    @Bean
    LinkRegistration linkRegistration(LinkStore store, Clock clock) {
        return new LinkRegistration(store, clock);
    }

    @Bean
    ClientLinks clientLinks(LinkStore store, Consents consents, OutboxEntries outbox, OutboxRelay relay,
                            DocumentSource documents, MachineSuspicion machines, Clock clock,
                            LinkProperties properties, MeterRegistry meters) {
        return new ClientLinks(store, consents, outbox, relay, documents, machines, clock, properties, meters);
    }

    /**
     * The client's PDF comes from pdf-service (the kit's client, {@code platform.pdf-service.*}); whatever keeps it
     * from coming now, the page says so.
     */
    @Bean
    DocumentSource documentSource(DocumentClient pdfService) {
        return documentId -> pdfService.fetch(documentId, e -> new DocumentUnavailableException(e.getMessage(), e));
    }
}
