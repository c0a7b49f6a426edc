package com.invoicedelivery.invoice.testing;

import java.time.Instant;
import java.util.UUID;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.DeliveryStatus;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.EmailBounced;
import com.invoicedelivery.events.EmailDeliveryStatusChanged;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceRenderFailed;
import com.invoicedelivery.events.SendDetails;

/** Status events as the other services publish them about a send. */
public final class Events {

    private Events() {
    }

    public static InvoiceDocumentReady documentReady(String tenantId, SendDetails send, Instant at) {
        return new InvoiceDocumentReady(id(), at, tenantId, InvoiceDocumentReady.SCHEMA_VERSION, send,
                new DocumentRef("doc-" + UUID.randomUUID(), "ab".repeat(32), 12_345, "Фактура-" + send.invoice().number() + ".pdf"));
    }

    public static InvoiceRenderFailed renderFailed(String tenantId, String sendId, String invoiceId, String reason) {
        return new InvoiceRenderFailed(id(), Instant.now(), tenantId, InvoiceRenderFailed.SCHEMA_VERSION, sendId,
                invoiceId, reason);
    }

    public static EmailDeliveryStatusChanged delivery(String tenantId, SendDetails send, int recipient,
                                                      DeliveryStatus status, String messageId, String reason,
                                                      Instant at) {
        var to = send.recipients().get(recipient);
        return new EmailDeliveryStatusChanged(id(), at, tenantId, EmailDeliveryStatusChanged.SCHEMA_VERSION,
                send.sendId(), send.invoiceId(), to.recipientId(), to.email(), status, messageId,
                status == DeliveryStatus.SENT ? "250 2.0.0 Ok: queued" : "451 4.7.1 Try again later", 1,
                status == DeliveryStatus.DEFERRED ? at.plusSeconds(60) : null, reason);
    }

    public static ClientActivityRecorded activity(String tenantId, SendDetails send, int recipient,
                                                  ClientActivity activity, String reason, Instant at) {
        return new ClientActivityRecorded(id(), at, tenantId, ClientActivityRecorded.SCHEMA_VERSION, send.sendId(),
                send.invoiceId(), send.recipients().get(recipient).recipientId(), activity, reason, false);
    }

    /** tracking-service's record that one client's repeated fetch was folded into {@code opened}, now {@code count}. */
    public static ClientActivityRecorded fold(ClientActivityRecorded opened, int count, Instant at) {
        return new ClientActivityRecorded(id(), at, opened.tenantId(), ClientActivityRecorded.SCHEMA_VERSION,
                opened.sendId(), opened.invoiceId(), opened.recipientId(), ClientActivity.OPENED, null,
                opened.suspectedMachine(), opened.eventId(), count);
    }

    public static EmailBounced bounced(String tenantId, SendDetails send, int recipient, BounceKind kind,
                                       String status, String reason, Instant at) {
        var to = send.recipients().get(recipient);
        return new EmailBounced(id(), at, tenantId, EmailBounced.SCHEMA_VERSION, send.sendId(), send.invoiceId(),
                to.recipientId(), to.email(), "<" + to.recipientId() + "@platform.test>", kind, status, reason,
                "mta.remote.test", "report-" + id());
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
