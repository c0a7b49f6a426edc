package com.invoicedelivery.invoice.send.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.application.Invoices;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.LatestSend;
import com.invoicedelivery.invoice.send.domain.InvoiceEmail;
import com.invoicedelivery.invoice.send.domain.NewSend;
import com.invoicedelivery.invoice.send.domain.PersonalLinks;
import com.invoicedelivery.invoice.send.domain.Send;
import com.invoicedelivery.invoice.send.persistence.SendStore;
import com.invoicedelivery.invoice.tenant.domain.Tenant;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one send of a checked request: the send with its personal links, stored together with its
 * {@code InvoiceSendRequested} event (one insert) for the outbox relay to publish. Every way of sending (one
 * invoice, many, after an import, a renewed link) ends here.
 */
public class SendIssuer {

    private static final Logger log = LoggerFactory.getLogger(SendIssuer.class);

    private final SendStore sends;
    private final Invoices invoices;
    private final PersonalLinks links;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;

    public SendIssuer(SendStore sends, Invoices invoices, PersonalLinks links, OutboxEntries outbox, OutboxRelay relay,
                      Clock clock) {
        this.sends = sends;
        this.invoices = invoices;
        this.links = links;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * Makes the send {@code sendId}, unless it exists: then the request that makes it was made before (the same
     * idempotency key, import row or event), and the existing send is the answer; nothing is sent again.
     */
    public Send issue(String sendId, Tenant tenant, Client client, Invoice invoice, InvoiceEmail email) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NewSend created = NewSend.compose(sendId, tenant, client, invoice, email, links, now);
        Send send = created.send();
        InvoiceSendRequested requested = new InvoiceSendRequested(UUID.randomUUID().toString(), now, tenant.id(),
                InvoiceSendRequested.SCHEMA_VERSION, created.details());
        if (!sends.insertIfAbsent(send, outbox.of(requested, Topics.SEND_REQUESTED))) {
            log.info("send {} of invoice {} exists: its request was made before, nothing is sent again", sendId,
                    invoice.number());
            return sends.find(tenant.id(), sendId).orElseThrow(() -> new IllegalStateException(
                    "send " + sendId + " exists but not for tenant " + tenant.id()));
        }
        relay.kick(SendStore.COLLECTION, send.id());
        invoices.recordLatestSend(tenant.id(), invoice.id(), new LatestSend(send.id(), now, send.version(), send.status()));
        log.info("send {}: invoice {} of tenant {} requested to {} recipient(s) in {} mode", send.id(),
                invoice.number(), tenant.id(), send.recipients().size(), send.mode());
        return send;
    }
}
