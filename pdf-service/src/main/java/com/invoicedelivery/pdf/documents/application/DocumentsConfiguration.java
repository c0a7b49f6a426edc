package com.invoicedelivery.pdf.documents.application;

import java.time.Clock;

import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.pdf.documents.persistence.DocumentRepository;
import com.invoicedelivery.pdf.documents.persistence.RenderFailureRepository;
import com.invoicedelivery.pdf.rendering.application.InvoicePdfRenderer;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentsConfiguration {

    @Bean
    SendRenderingService sendRenderingService(InvoicePdfRenderer renderer, DocumentRepository documents,
                                              RenderFailureRepository failures, OutboxEntries outbox,
                                              OutboxRelay relay, Clock clock, MeterRegistry meters) {
        return new SendRenderingService(renderer, documents, failures, outbox, relay, clock, meters);
    }

    @Bean
    DocumentQueries documentQueries(DocumentRepository documents) {
        return new DocumentQueries(documents);
    }
}
