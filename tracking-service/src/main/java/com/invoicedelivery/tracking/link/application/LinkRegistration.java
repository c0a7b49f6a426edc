package com.invoicedelivery.tracking.link.application;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.InvoiceDocumentReady;
import com.invoicedelivery.events.InvoiceSendRequested;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.messaging.MalformedRecordException;
import com.invoicedelivery.tracking.link.domain.InvalidLinkRequestException;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkedDocument;
import com.invoicedelivery.tracking.link.domain.NewLinks;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the personal links of link-mode sends and attaches their rendered documents. Both steps are
 * idempotent (a link's id is its token's hash; a document is set once), and either event may come first:
 * each carries the send, so each makes sure the links exist. An event whose tenant (or send) is not the one of a link
 * it names changes nothing and is refused as malformed (dead-lettered): no producer of the platform makes one.
 */
public class LinkRegistration {

    private static final Logger log = LoggerFactory.getLogger(LinkRegistration.class);

    private final LinkStore store;
    private final Clock clock;

    public LinkRegistration(LinkStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public void register(InvoiceSendRequested event) {
        if (!event.hasKnownVersion()) {
            throw unknownVersion(event.schemaVersion());
        }
        ensureLinks(event.tenantId(), event.send(), event.carriesClearLinks());
    }

    public void attachDocument(InvoiceDocumentReady event) {
        if (!event.hasKnownVersion()) {
            throw unknownVersion(event.schemaVersion());
        }
        if (ensureLinks(event.tenantId(), event.send(), event.carriesClearLinks()).isEmpty()) {
            return;
        }
        DocumentRef ref = event.document();
        long changed = store.attachDocument(event.tenantId(), event.send().sendId(),
                new LinkedDocument(ref.documentId(), ref.sha256(), ref.fileName(),
                        event.occurredAt().truncatedTo(ChronoUnit.MILLIS)));
        log.info("send {}: document {} attached to {} link(s)", event.send().sendId(), ref.documentId(), changed);
    }

    /**
     * @throws MalformedRecordException when the send's links cannot be made (no retry can mend that: the record goes
     *         straight to the dead-letter topic, and not one link of the send is stored)
     */
    private List<Link> ensureLinks(String tenantId, SendDetails send, boolean clearLinks) {
        List<Link> links;
        try {
            links = NewLinks.forSend(tenantId, send, clearLinks, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        } catch (InvalidLinkRequestException e) {
            throw new MalformedRecordException(e.getMessage(), e);
        }
        Set<String> stored = refuseLinksOfOthers(tenantId, send, links);
        // the second event of a send finds its links made by the first: no insert to be refused as a duplicate
        long created = links.stream().filter(link -> !stored.contains(link.id())).filter(store::insertIfAbsent)
                .count();
        if (created > 0) {
            log.info("send {}: {} link(s) created", send.sendId(), created);
        }
        return links;
    }

    private static MalformedRecordException unknownVersion(int schemaVersion) {
        return new MalformedRecordException("schema version " + schemaVersion + " is not one this service reads (1, 2)");
    }

    /**
     * Before anything is stored: a link of the event that exists already must be this tenant's, of this send.
     *
     * @return the ids of the event's links that are stored already
     */
    private Set<String> refuseLinksOfOthers(String tenantId, SendDetails send, List<Link> links) {
        if (links.isEmpty()) {
            return Set.of();
        }
        Set<String> ids = new HashSet<>();
        for (Link stored : store.findAll(links.stream().map(Link::id).toList())) {
            if (!stored.tenantId().equals(tenantId) || !stored.sendId().equals(send.sendId())) {
                throw new MalformedRecordException("the event about send " + send.sendId() + " names tenant "
                        + tenantId + ", but one of its links is another tenant's or another send's: nothing changed");
            }
            ids.add(stored.id());
        }
        return ids;
    }
}
