package com.invoicedelivery.invoice.send.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.IntegrationEvent;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.invoice.send.application.SendProgressRecorder;
import com.invoicedelivery.invoice.send.domain.ProgressReports;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.suppression.application.Suppressions;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumers of every status event about a send (bindings, group invoice-service and dead-letter topics in
 * application.yml), each reading its records through {@link IncomingEvents}. A record that throws is retried in place, then dead-lettered; a malformed one at once.
 */
@Configuration(proxyBeanMethods = false)
public class SendProgressConsumers {

    /** {@code invoice.document-ready}: the PDF is rendered. */
    @Bean
    Consumer<Message<byte[]>> documentReady(SendProgressRecorder recorder, IncomingEvents events) {
        return events.consumer(InvoiceDocumentReady.class, event -> {
            require(event, event == null || event.send() == null ? null : event.send().sendId());
            recorder.record(event.tenantId(), event.send().sendId(), ProgressReports.of(event));
        });
    }

    /** {@code invoice.render-failed}: the invoice cannot be rendered. */
    @Bean
    Consumer<Message<byte[]>> renderFailed(SendProgressRecorder recorder, IncomingEvents events) {
        return events.consumer(InvoiceRenderFailed.class, event -> {
            require(event, event == null ? null : event.sendId());
            recorder.record(event.tenantId(), event.sendId(), ProgressReports.of(event));
        });
    }

    /** {@code mail.delivery-status}: one recipient's e-mail was sent, deferred or failed. */
    @Bean
    Consumer<Message<byte[]>> deliveryStatus(SendProgressRecorder recorder, IncomingEvents events) {
        return events.consumer(EmailDeliveryStatusChanged.class, event -> {
            require(event, event == null ? null : event.sendId());
            requireRecipient(event, event.recipientId(), event.status());
            recorder.record(event.tenantId(), event.sendId(), ProgressReports.of(event));
        });
    }

    /**
     * {@code mail.bounces}: a report came back about a sent e-mail: a hard bounce makes the recipient BOUNCED, and
     * puts the address (as a complaint does) on the tenant's suppression list once the send is known to be the
     * event's tenant's.
     */
    @Bean
    Consumer<Message<byte[]>> bounces(SendProgressRecorder recorder, Suppressions suppressions,
                                      IncomingEvents events) {
        return events.consumer(EmailBounced.class, event -> {
            require(event, event == null ? null : event.sendId());
            requireRecipient(event, event.recipientId(), event.kind());
            recorder.record(event.tenantId(), event.sendId(), ProgressReports.of(event));
            suppressions.record(event);
        });
    }

    /** {@code tracking.events}: the client used the personal link. */
    @Bean
    Consumer<Message<byte[]>> clientActivity(SendProgressRecorder recorder, IncomingEvents events) {
        return events.consumer(ClientActivityRecorded.class, event -> {
            require(event, event == null ? null : event.sendId());
            requireRecipient(event, event.recipientId(), event.activity());
            recorder.record(event.tenantId(), event.sendId(), ProgressReports.of(event));
        });
    }

    private static void require(IntegrationEvent event, String sendId) {
        if (event == null || Texts.isBlank(sendId)) {
            throw new MalformedRecordException("the record names no send");
        }
        if (Texts.isBlank(event.eventId()) || Texts.isBlank(event.tenantId()) || event.occurredAt() == null) {
            throw new MalformedRecordException("the record about send " + sendId
                    + " lacks its event id, tenant or time");
        }
    }

    private static void requireRecipient(IntegrationEvent event, String recipientId, Object status) {
        if (Texts.isBlank(recipientId) || status == null) {
            throw new MalformedRecordException("event " + event.eventId() + " names no recipient or no status");
        }
    }

}
