package com.invoicedelivery.invoice.send.application;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the sends of a checked request: each send with its personal links, stored together with its
 * {@code InvoiceSendRequested} event (one document) for the outbox relay to publish. Every way of sending (one
 * invoice, many, after an import, a renewed link) ends here. The sends of one request cost a constant number of
 * store round trips however many they are: one unordered insert of them all, one read of those made before, one
 * bulk update of their invoices.
 */
public class SendIssuer {

    /** Sends made, by delivery mode ({@code link}, {@code attachment}); a repeated request makes none. */
    public static final String REQUESTED = "invoice.sends.requested";

    private static final Logger log = LoggerFactory.getLogger(SendIssuer.class);

    private final SendStore sends;
    private final Invoices invoices;
    private final PersonalLinks links;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final Clock clock;
    private final MeterRegistry meters;

    public SendIssuer(SendStore sends, Invoices invoices, PersonalLinks links, OutboxEntries outbox, OutboxRelay relay,
                      Clock clock, MeterRegistry meters) {
        this.meters = meters;
        this.sends = sends;
        this.invoices = invoices;
        this.links = links;
        this.outbox = outbox;
        this.relay = relay;
        this.clock = clock;
    }

    /** One send a request makes: its id, the invoice, its client and the e-mail written for it. */
    public record Order(String sendId, Client client, Invoice invoice, InvoiceEmail email) {
    }

    /**
     * Makes the send {@code sendId}, unless it exists: then the request that makes it was made before (the same
     * idempotency key, import row or event), and the existing send is the answer; nothing is sent again.
     */
    public Send issue(String sendId, Tenant tenant, Client client, Invoice invoice, InvoiceEmail email) {
        return issueAll(tenant, List.of(new Order(sendId, client, invoice, email))).get(0);
    }

    /**
     * Makes the send of each order, as {@link #issue} does, all at once.
     *
     * @param orders of distinct invoices
     * @return the sends, in the order of {@code orders}
     */
    public List<Send> issueAll(Tenant tenant, List<Order> orders) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<SendStore.Announced> made = new ArrayList<>();
        for (Order order : orders) {
            NewSend created = NewSend.compose(order.sendId(), tenant, order.client(), order.invoice(), order.email(),
                    links, now);
            InvoiceSendRequested requested = new InvoiceSendRequested(UUID.randomUUID().toString(), now, tenant.id(),
                    InvoiceSendRequested.SCHEMA_VERSION, created.details());
            made.add(new SendStore.Announced(created.send(), outbox.of(requested, Topics.SEND_REQUESTED)));
        }
        Set<String> stored = sends.insertAllIfAbsent(made);
        stored.forEach(id -> relay.kick(SendStore.COLLECTION, id));
        Map<String, Send> madeBefore = madeBefore(tenant, made, stored);
        Map<String, LatestSend> latest = new LinkedHashMap<>();
        List<Send> answer = new ArrayList<>();
        for (int index = 0; index < made.size(); index++) {
            Send send = made.get(index).send();
            Invoice invoice = orders.get(index).invoice();
            if (stored.contains(send.id())) {
                latest.put(invoice.id(), new LatestSend(send.id(), now, send.version(), send.status()));
                log.info("send {}: invoice {} of tenant {} requested to {} recipient(s) in {} mode", send.id(),
                        invoice.number(), tenant.id(), send.recipients().size(), send.mode());
                // made now, not an earlier request's send given back: what operators count as requested
                meters.counter(REQUESTED, "mode", send.mode().name().toLowerCase(Locale.ROOT)).increment();
                answer.add(send);
            } else {
                log.info("send {} of invoice {} exists: its request was made before, nothing is sent again",
                        send.id(), invoice.number());
                answer.add(madeBefore.get(send.id()));
            }
        }
        invoices.recordLatestSends(tenant.id(), latest);
        return answer;
    }

    /** The sends of {@code made} that existed before, as stored, by id (one read; none when all are new). */
    private Map<String, Send> madeBefore(Tenant tenant, List<SendStore.Announced> made, Set<String> stored) {
        List<String> existing = made.stream().map(announced -> announced.send().id())
                .filter(id -> !stored.contains(id)).toList();
        if (existing.isEmpty()) {
            return Map.of();
        }
        Map<String, Send> found = sends.findAll(tenant.id(), existing).stream()
                .collect(Collectors.toMap(Send::id, Function.identity()));
        existing.stream().filter(id -> !found.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("send " + id + " exists but not for tenant " + tenant.id());
        });
        return found;
    }
}
