package com.invoicedelivery.invoice.send.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.LatestSend;
import com.invoicedelivery.invoice.send.domain.NewSend;
import com.invoicedelivery.invoice.send.domain.PersonalLinks;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendOptions;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.problem.ConflictException;
import com.invoicedelivery.kit.problem.InvalidInputException;
import com.invoicedelivery.kit.problem.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one invoice: checks the request, makes the send with its personal links, and stores it together with its
 * {@code InvoiceSendRequested} event (one insert), for the outbox relay to publish. A batch sends each of its
 * invoices through {@link #send}.
 */
public class InvoiceSending {

    private static final Logger log = LoggerFactory.getLogger(InvoiceSending.class);

    private final Invoices invoices;
    private final Clients clients;
    private final Tenants tenants;
    private final SendStore sends;
    private final PersonalLinks links;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public InvoiceSending(Invoices invoices, Clients clients, Tenants tenants, SendStore sends, PersonalLinks links,
                          OutboxEntries outbox, OutboxRelay relay, Clock clock) {
        this.invoices = invoices;
        this.clients = clients;
        this.tenants = tenants;
        this.sends = sends;
        this.links = links;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * @return the send, REQUESTED
     * @throws InvalidInputException when the options break a rule
     * @throws NotFoundException     when the tenant has no such invoice
     * @throws ConflictException     naming {@code invoiceId} when the invoice is a draft
     */
    public Send send(String tenantId, String invoiceId, SendOptions options) {
        SendOptions checked = options.validated();
        Invoice invoice = invoices.get(tenantId, invoiceId);
        invoice.requireSendable();
        Tenant tenant = tenants.find(tenantId).orElseThrow(() -> new ConflictException("tenantId",
                "the company profile of tenant " + tenantId + " is not set up yet, so its invoices cannot be sent"));
        Client client = clients.find(tenantId, invoice.clientId()).orElseThrow(() -> new ConflictException("clientId",
                "the client of invoice " + invoice.number() + " no longer exists"));

        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NewSend created = NewSend.compose(UUID.randomUUID().toString(), tenant, client, invoice, checked, links, now);
        Send send = created.send();
        InvoiceSendRequested requested = new InvoiceSendRequested(UUID.randomUUID().toString(), now, tenantId,
                InvoiceSendRequested.SCHEMA_VERSION, created.details());
        sends.insert(send, outbox.of(requested, Topics.SEND_REQUESTED));
        relay.kick();
        invoices.recordLatestSend(tenantId, invoiceId, new LatestSend(send.id(), now, send.version(), send.status()));
        log.info("send {}: invoice {} of tenant {} requested to {} recipient(s) in {} mode", send.id(),
                invoice.number(), tenantId, send.recipients().size(), send.mode());
        return send;
    }
}
