package com.invoicedelivery.invoice.send.domain;

import java.util.UUID;

import com.invoicedelivery.invoice.shared.domain.DerivedIds;

/**
 * The ids of the sends one request makes. Without an idempotency key each send gets a random id; with one, the id
 * follows from the tenant, the key and the invoice, so the same request made again names the same sends and finds
 * them stored instead of sending again.
 */
public final class SendIds {

    private final String tenantId;
    private final String idempotencyKey;

    private SendIds(String tenantId, String idempotencyKey) {
        this.tenantId = tenantId;
        this.idempotencyKey = idempotencyKey;
    }

    public static SendIds random() {
        return new SendIds(null, null);
    }

    public static SendIds derived(String tenantId, String idempotencyKey) {
        return new SendIds(tenantId, idempotencyKey);
    }

    /** The id of one send that follows from an event (a link renewal): the same event, the same send. */
    public static String forEvent(String tenantId, String purpose, String eventId) {
        return DerivedIds.of("send", tenantId, purpose, eventId);
    }

    public String forInvoice(String invoiceId) {
        return idempotencyKey == null ? UUID.randomUUID().toString()
                : DerivedIds.of("send", tenantId, "idempotency-key", idempotencyKey, invoiceId);
    }
}
