package com.invoicedelivery.kit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.kit.observability.LogContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class EventLogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void anEventsTenantSendRecipientAndIdsAreInTheLoggingContextWhileItIsHandledAndGoneAfter() {
        EmailDeliveryStatusChanged event = new EmailDeliveryStatusChanged("e-1", Instant.EPOCH, "acme",
                EmailDeliveryStatusChanged.SCHEMA_VERSION, "send-1", "inv-1", "r-1", "someone@client.example",
                DeliveryStatus.SENT, "<m@x>", "250 OK", 1, null, null);

        try (LogContext ignored = EventLogContext.of(event)) {
            assertThat(MDC.getCopyOfContextMap()).containsEntry(LogContext.TENANT, "acme")
                    .containsEntry(LogContext.SEND, "send-1").containsEntry(LogContext.RECIPIENT, "r-1")
                    .containsEntry(LogContext.EVENT, "e-1")
                    .containsEntry(LogContext.EVENT_TYPE, "EmailDeliveryStatusChanged")
                    .doesNotContainValue("someone@client.example");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void anEventWithoutItsSendStillReachesItsHandlerWhichSaysWhatIsMissing() {
        InvoiceSendRequested noSend = new InvoiceSendRequested("e-2", Instant.EPOCH, "acme", 2, null);

        try (LogContext ignored = EventLogContext.of(noSend)) {
            assertThat(MDC.get(LogContext.TENANT)).isEqualTo("acme");
            assertThat(MDC.get(LogContext.SEND)).isNull();
        }
    }
}
