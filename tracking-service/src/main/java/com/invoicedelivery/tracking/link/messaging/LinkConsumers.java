package com.invoicedelivery.tracking.link.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Kafka consumers (bindings, group and dead-letter topics in application.yml). */
@Configuration(proxyBeanMethods = false)
class LinkConsumers {

    /** {@code invoice.send-requested}: link-mode sends get one link per recipient. */
    @Bean
    Consumer<InvoiceSendRequested> sendRequested(LinkRegistration registration) {
        return registration::register;
    }

    /** {@code invoice.document-ready}: the send's links get the rendered document. */
    @Bean
    Consumer<InvoiceDocumentReady> documentReady(LinkRegistration registration) {
        return registration::attachDocument;
    }
}
