package com.invoicedelivery.mail.dispatch.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.mail.dispatch.application.DispatchQueue;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code invoice.document-ready} (binding {@code documentReady-in-0}, group mail-dispatch-service; see
 * application.yml). Only queues the e-mails: sending happens from the queue, so a slow or failing mail server
 * never holds up the topic. A record that throws is retried in place, then goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
class DocumentReadyConsumer {

    @Bean
    Consumer<Message<byte[]>> documentReady(DispatchQueue queue, IncomingEvents events) {
        return events.consumer(InvoiceDocumentReady.class, queue::enqueue);
    }
}
