package com.invoicedelivery.mail.notification.messaging;

import java.util.function.Consumer;

import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.kit.messaging.IncomingEvents;
import com.invoicedelivery.mail.notification.application.TenantNotifications;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

/**
 * Consumes {@code tracking.events} (binding {@code clientActivity-in-0}, group mail-dispatch-service; see
 * application.yml): a client's Accept or Return becomes the tenant's notice. Only queues the e-mails.
 */
@Configuration(proxyBeanMethods = false)
class ClientActivityConsumer {

    @Bean
    Consumer<Message<byte[]>> clientActivity(TenantNotifications notifications, IncomingEvents events) {
        return events.consumer(ClientActivityRecorded.class, notifications::notifyTenant);
    }
}
