package com.invoicedelivery.invoice.send.application;

import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.domain.EmailComposer;
import com.invoicedelivery.invoice.send.domain.IdempotencyKey;
import com.invoicedelivery.invoice.send.domain.RequestFingerprint;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendIds;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import com.invoicedelivery.invoice.shared.domain.RuleViolationException;
import com.invoicedelivery.invoice.shared.domain.StateConflictException;
import com.invoicedelivery.kit.problem.NotFoundException;

/** Sends one invoice from its own page: checks the request, then makes the send. */
public class InvoiceSending {

    private final Invoices invoices;
    private final Clients clients;
    private final SendingContexts contexts;
    private final IdempotentRequests idempotency;
    private final SendIssuer issuer;

    public InvoiceSending(Invoices invoices, Clients clients, SendingContexts contexts, IdempotentRequests idempotency,
                          SendIssuer issuer) {
        this.invoices = invoices;
        this.clients = clients;
        this.contexts = contexts;
        this.idempotency = idempotency;
        this.issuer = issuer;
    }

    /**
     * @param idempotencyKey null, or the request's key: the same request again answers with the same send
     * @return the send, REQUESTED
     * @throws RuleViolationException when the options or the key break a rule
     * @throws NotFoundException     when the tenant has no such invoice
     * @throws StateConflictException     naming {@code invoiceId} when the invoice is a draft, or the key when it came
     *                               with another request
     */
    public Send send(String tenantId, String invoiceId, SendOptions options, String idempotencyKey) {
        SendOptions checked = options.validated();
        String key = IdempotencyKey.validated(idempotencyKey);
        Invoice invoice = invoices.get(tenantId, invoiceId);
        invoice.requireSendable();
        EmailComposer composer = contexts.composerFor(tenantId);
        Client client = clients.find(tenantId, invoice.clientId()).orElseThrow(() -> new StateConflictException("clientId",
                "the client of invoice " + invoice.number() + " no longer exists"));
        SendIds ids = idempotency.claim(tenantId, key, checked.addTo(RequestFingerprint.of("send").add(invoiceId)));
        return issuer.issue(ids.forInvoice(invoiceId), composer.tenant(), client, invoice,
                composer.compose(client, invoice, checked));
    }
}
