package com.invoicedelivery.invoice.send.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.invoice.send.application.LinkRenewals;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * The consumer of {@code tracking.link-renewal-requested} (binding, group invoice-service and dead-letter topic in
 * application.yml): a client asked for a fresh link to an expired invoice page.
 */
@Configuration(proxyBeanMethods = false)
public class LinkRenewalConsumers {

    @Bean
    Consumer<Message<byte[]>> linkRenewal(LinkRenewals renewals, IncomingEvents events) {
        return events.consumer(LinkRenewalRequested.class, request -> {
            if (request == null || Texts.isBlank(request.eventId()) || Texts.isBlank(request.tenantId())
                    || Texts.isBlank(request.sendId()) || Texts.isBlank(request.email())) {
                throw new MalformedRecordException("the link renewal request lacks its event id, tenant, send or address");
            }
            renewals.renew(request);
        });
    }

}
