package com.invoicedelivery.invoice.send.application;

import java.util.List;
import java.util.Set;

import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.shared.domain.SendStatus;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.kit.problem.NotFoundException;

/** Sends as the tenant follows them. */
public class SendQueries {

    private final SendStore sends;
    private final Invoices invoices;

    public SendQueries(SendStore sends, Invoices invoices) {
        this.sends = sends;
        this.invoices = invoices;
    }

    /** @throws NotFoundException when the tenant has no such send */
    public Send get(String tenantId, String sendId) {
        return sends.find(tenantId, sendId).orElseThrow(() -> new NotFoundException("Send", sendId));
    }

    /** Across tenants, newest first: the sends that have a recipient in one of {@code statuses}. */
    public List<Send> needingAttention(Set<SendStatus> statuses, int limit) {
        return sends.listWithRecipientIn(statuses.stream().map(Enum::name).toList(), limit);
    }

    /**
     * The invoice's sends, newest first.
     *
     * @throws NotFoundException when the tenant has no such invoice
     */
    public List<Send> forInvoice(String tenantId, String invoiceId) {
        invoices.get(tenantId, invoiceId);
        return sends.listForInvoice(tenantId, invoiceId);
    }
}
