package com.invoicedelivery.pdf.documents.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.pdf.documents.application.SendRenderingService;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code invoice.send-requested} (binding {@code renderDocument-in-0}, group pdf-service; see
 * application.yml). A record that throws is retried in place, then goes to the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
public class SendRequestedConsumer {

    @Bean
    Consumer<Message<byte[]>> renderDocument(SendRenderingService rendering, IncomingEvents events) {
        return events.consumer(InvoiceSendRequested.class, rendering::handle);
    }
}
