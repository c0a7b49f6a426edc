package com.invoicedelivery.tracking.link.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/** The Kafka consumers (bindings, group and dead-letter topics in application.yml). */
@Configuration(proxyBeanMethods = false)
class LinkConsumers {

    /** {@code invoice.send-requested}: link-mode sends get one link per recipient. */
    @Bean
    Consumer<Message<byte[]>> sendRequested(LinkRegistration registration, IncomingEvents events) {
        return events.consumer(InvoiceSendRequested.class, registration::register);
    }

    /** {@code invoice.document-ready}: the send's links get the rendered document. */
    @Bean
    Consumer<Message<byte[]>> documentReady(LinkRegistration registration, IncomingEvents events) {
        return events.consumer(InvoiceDocumentReady.class, registration::attachDocument);
    }
}
