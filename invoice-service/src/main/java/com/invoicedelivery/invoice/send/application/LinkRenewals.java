package com.invoicedelivery.invoice.send.application;

import java.util.List;
import java.util.Optional;

import com.invoicedelivery.events.DeliveryMode;
import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.invoice.client.application.Clients;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.domain.SendIds;
import com.invoicedelivery.invoice.send.domain.SendRecipient;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.shared.domain.EmailAddress;
import com.invoicedelivery.invoice.tenant.application.Tenants;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client whose link expired asked for a fresh one: a new send of the same invoice, with the same texts, to that
 * one address only, with a new personal link. The address must be one the original send went to: a request for any
 * other is logged and dropped, so nobody can have an invoice mailed to an address of their choosing; one that names
 * another tenant's send is refused as malformed (dead-lettered). Each request
 * (event id) makes at most one send, whatever the redeliveries.
 */
public class LinkRenewals {

    private static final Logger log = LoggerFactory.getLogger(LinkRenewals.class);

    private final SendStore sends;
    private final Tenants tenants;
    private final Invoices invoices;
    private final Clients clients;
    private final SendIssuer issuer;

    public LinkRenewals(SendStore sends, Tenants tenants, Invoices invoices, Clients clients, SendIssuer issuer) {
        this.sends = sends;
        this.tenants = tenants;
        this.invoices = invoices;
        this.clients = clients;
        this.issuer = issuer;
    }

    /** @return the new send (or the one an earlier delivery of the request made); empty when it was dropped */
    public Optional<Send> renew(LinkRenewalRequested request) {
        String tenantId = request.tenantId();
        Optional<Send> original = sends.find(tenantId, request.sendId());
        if (original.isEmpty()) {
            SendProgressRecorder.refuseIfAnotherTenants(sends, tenantId, request.sendId(), request.eventId());
        }
        if (original.isEmpty() || original.get().mode() != DeliveryMode.LINK) {
            return dropped(request, "its send is unknown here or sent no links");
        }
        Optional<SendRecipient> recipient = original.get().recipients().stream()
                .filter(candidate -> EmailAddress.comparable(candidate.email()).equals(EmailAddress.comparable(request.email())))
                .findFirst();
        if (recipient.isEmpty()) {
            return dropped(request, "its address is not one the send went to");
        }
        Optional<Tenant> tenant = tenants.find(tenantId);
        Optional<Invoice> invoice = invoices.find(tenantId, original.get().invoiceId());
        Optional<Client> client = invoice.flatMap(found -> clients.find(tenantId, found.clientId()));
        if (tenant.isEmpty() || client.isEmpty()) {
            return dropped(request, "the tenant, invoice or client of its send no longer exists");
        }
        InvoiceEmail email = new InvoiceEmail(List.of(recipient.get().email()), original.get().language(),
                DeliveryMode.LINK, original.get().subject(), original.get().message());
        Send renewed = issuer.issue(SendIds.forEvent(tenantId, "link-renewal", request.eventId()), tenant.get(),
                client.get(), invoice.get(), email);
        log.info("send {}: a fresh link for recipient {} of send {}", renewed.id(), recipient.get().recipientId(),
                original.get().id());
        return Optional.of(renewed);
    }

    private static Optional<Send> dropped(LinkRenewalRequested request, String why) {
        log.warn("link renewal {} for send {} of tenant {} dropped: {}", request.eventId(), request.sendId(),
                request.tenantId(), why);
        return Optional.empty();
    }
}
