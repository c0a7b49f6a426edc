package com.invoicedelivery.tracking.link.application;

import java.time.Duration;
import java.util.List;

import com.invoicedelivery.kit.document.DocumentClient;
import com.invoicedelivery.kit.document.DocumentFetchException;
import com.invoicedelivery.tracking.link.domain.MachineSuspicion;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The link rules that configuration may tune (see {@code tracking.links.*} in application.yml), and where the links'
 * documents come from.
 */
@Configuration(proxyBeanMethods = false)
class LinkSettings {

    @Bean
    MachineSuspicion machineSuspicion(
            @Value("${tracking.links.suspected-machine.delivery-window:10s}") Duration deliveryWindow,
            @Value("${tracking.links.suspected-machine.extra-user-agents:}") List<String> extraUserAgents) {
        return new MachineSuspicion(deliveryWindow, extraUserAgents);
    }

    /**
     * The client's PDF comes from pdf-service (the kit's client, {@code platform.pdf-service.*}); whatever keeps it
     * from coming now, the page says so.
     */
    @Bean
    DocumentSource documentSource(DocumentClient pdfService) {
        return documentId -> {
            try {
                return pdfService.fetch(documentId);
            } catch (DocumentFetchException e) {
                throw new DocumentUnavailableException(e.getMessage(), e);
            }
        };
    }
}
