package com.invoicedelivery.tracking.link.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Function;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxEntry;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.tracking.consent.application.Consents;
import com.invoicedelivery.tracking.consent.domain.Consent;
import com.invoicedelivery.tracking.consent.domain.ConsentDecision;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.tracking.link.domain.MachineSuspicion;
import com.invoicedelivery.tracking.link.domain.Outcome;
import com.invoicedelivery.tracking.link.domain.RequestSignals;
import com.invoicedelivery.tracking.link.domain.ReturnReason;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a client does with a personal link. Every step is recorded in the link's history and announced on
 * {@value Topics#TRACKING_EVENTS} through the link's outbox, in one write, flagged where it looks like a
 * machine's. A GET records only that the link was opened (or the PDF downloaded); a view needs a person's
 * beacon or POST; decisions are POSTs, and each link decides once. For an address that refused consent nothing
 * behavioural is recorded: no opens, no views; only its answers (consent, Accept, Return) and its downloads (the
 * proof the document was delivered). An expired link can ask, through
 * {@value Topics#LINK_RENEWAL_REQUESTED}, for a fresh link to its own address.
 */
public class ClientLinks {

    private static final Logger log = LoggerFactory.getLogger(ClientLinks.class);

    /** Concurrent fetches by one client are a burst at most; this many lost races in a row make a new entry. */
    static final int FOLD_ATTEMPTS = 5;

    private final LinkStore store;
    private final Consents consents;
    private final OutboxEntries outbox;
    private final OutboxRelay relay;
    private final DocumentSource documents;
    private final MachineSuspicion machines;
    private final Clock clock;
    private final Duration renewalInterval;
    private final Duration openFoldWindow;
    private final ClientActivityMeter activityMeter;

    public ClientLinks(LinkStore store, Consents consents, OutboxEntries outbox, OutboxRelay relay,
                       DocumentSource documents, MachineSuspicion machines, Clock clock, LinkProperties properties, MeterRegistry meters) {
        this.store = store;
        this.consents = consents;
        this.outbox = outbox;
        this.relay = relay;
        this.documents = documents;
        this.machines = machines;
        this.clock = clock;
        this.renewalInterval = properties.renewalInterval();
        this.openFoldWindow = properties.openFoldWindow();
        this.activityMeter = new ClientActivityMeter(meters);
    }

    /**
     * The page was fetched (GET or HEAD): records OPENED and returns what the page shows. A fetch by the same client
     * (address and User-Agent), judged the same way, within the fold window of an earlier one is counted on that
     * entry instead: it adds no step to the sender's timeline (a redirect after each form, reloads, retry bursts),
     * only a record of the entry's new count.
     *
     * @throws LinkExpiredException for an expired link (nothing is recorded)
     * @throws LinkUnavailableException for a malformed or unknown token
     */
    public LinkPage open(String rawToken, RequestSignals signals) {
        Link link = valid(rawToken);
        if (refused(link)) {
            return page(link, null); // no behavioural tracking for an address that refused consent
        }
        boolean suspected = suspected(link, signals);
        Instant now = now();
        String client = clientOf(signals);
        for (int attempt = 1; attempt <= FOLD_ATTEMPTS; attempt++) {
            Optional<ActivityEntry> earlier = link.openToFoldInto(client, suspected, now.minus(openFoldWindow));
            if (earlier.isEmpty()) {
                break;
            }
            ActivityEntry first = earlier.get();
            OutboxEntry fold = outbox.of(link.announceFold(first, first.count() + 1, now), Topics.TRACKING_EVENTS);
            if (store.foldOpen(link.id(), first.eventId(), first.count(), fold)) {
                relay.kick(LinkStore.COLLECTION, link.id());
                return page(link, first.eventId());
            }
            // another fetch was counted meanwhile (or the link went): read the count again
            link = valid(rawToken);
        }
        ActivityEntry entry = link.opened(client, suspected, now);
        return page(appended(link, entry), entry.eventId());
    }

    /**
     * The page's beacon: the page's script saw a person's interaction (see static/js/link.js). It is the view only
     * when {@link MachineSuspicion#suspectsView} clears it for the page load it names; otherwise it is recorded,
     * flagged.
     *
     * @param pageLoad the id of the OPENED entry of the page load that sent it (the beacon form carries it)
     */
    public void seen(String rawToken, String pageLoad, RequestSignals signals) {
        Link link = valid(rawToken);
        if (refused(link)) {
            return; // its pages have no beacon; one posted anyway records nothing
        }
        ActivityEntry load = pageLoad == null ? null : link.pageLoad(pageLoad).orElse(null);
        viewed(link, machines.suspectsView(signals, load, link.earliestMailedAt(), clock.instant()));
    }

    /** The page as it is, recording nothing: for showing a refused form again. */
    public LinkPage current(String rawToken) {
        return page(valid(rawToken), null);
    }

    /**
     * The address answers the consent request; only its first answer to the tenant counts. Consenting is a person's
     * use of the page (the view); refusing records the refusal, which the sender must know, and nothing else.
     */
    public void consent(String rawToken, ConsentDecision decision, RequestSignals signals) {
        Link link = valid(rawToken);
        if (decision == ConsentDecision.GIVEN) {
            link = viewed(link, suspected(link, signals));
        }
        if (consents.record(new Consent(link.tenantId(), link.email(), decision, now(), link.id()))) {
            record(link, decision.activity(), null, signals);
        }
    }

    /**
     * The client withdraws the consent it gave, from any later page of the tenant's links: from now on its pages are
     * as after a refusal. Recorded as CONSENT_REFUSED, so the sender's timeline shows it.
     */
    public void withdrawConsent(String rawToken, RequestSignals signals) {
        Link link = valid(rawToken);
        if (consents.withdraw(link.tenantId(), link.email(), now())) {
            record(link, ClientActivity.CONSENT_REFUSED, null, signals);
            log.info("send {}: recipient {} withdrew consent", link.sendId(), link.recipientId());
        }
    }

    public void accept(String rawToken, RequestSignals signals) {
        decide(rawToken, Outcome::accepted, signals);
    }

    public void returnInvoice(String rawToken, ReturnReason reason, RequestSignals signals) {
        decide(rawToken, at -> Outcome.returned(reason, at), signals);
    }

    /**
     * The accepted invoice's PDF, checked against the hash pdf-service announced; records DOWNLOADED.
     *
     * @throws DownloadNotAllowedException before Accept
     * @throws DocumentUnavailableException when the document cannot be delivered now
     */
    public DownloadedDocument download(String rawToken, RequestSignals signals) {
        Link link = valid(rawToken);
        if (!link.isAccepted()) {
            throw new DownloadNotAllowedException();
        }
        if (link.document() == null) {
            throw new DocumentUnavailableException("send " + link.sendId() + " has no rendered document yet");
        }
        byte[] content = documents.fetch(link.document().documentId());
        if (!Sha256.matches(link.document().sha256(), content)) {
            throw new DocumentUnavailableException("document " + link.document().documentId()
                    + " does not match its announced SHA-256");
        }
        record(link, ClientActivity.DOWNLOADED, null, signals);
        return new DownloadedDocument(content, fileName(link));
    }

    /**
     * The client of an expired link asks for a fresh one. It can only go to the address this link was sent to,
     * and at most once per renewal interval, so the button cannot be used to flood anyone's mailbox.
     *
     * @throws LinkUnavailableException for a malformed or unknown token
     */
    public RenewalAnswer requestRenewal(String rawToken) {
        Link link = existing(rawToken);
        Instant now = now();
        if (!link.isExpiredAt(now)) {
            return RenewalAnswer.NOT_EXPIRED;
        }
        OutboxEntry event = outbox.of(link.renewalRequest(now), Topics.LINK_RENEWAL_REQUESTED);
        if (!store.requestRenewal(link.id(), now, now.minus(renewalInterval), event)) {
            return RenewalAnswer.ASKED_RECENTLY;
        }
        relay.kick(LinkStore.COLLECTION, link.id());
        log.info("send {}: recipient {} asked for a fresh link", link.sendId(), link.recipientId());
        return RenewalAnswer.REQUESTED;
    }

    /**
     * Whether the token names an expired link (its renewal page applies) rather than a working one.
     *
     * @throws LinkUnavailableException for a malformed or unknown token
     */
    public boolean isExpired(String rawToken) {
        return existing(rawToken).isExpiredAt(now());
    }

    private void decide(String rawToken, Function<Instant, Outcome> outcomeAt, RequestSignals signals) {
        Link link = valid(rawToken);
        if (consentDue(link)) {
            return; // the page asks for consent first; nothing is decided without it
        }
        if (!refused(link)) {
            link = viewed(link, suspected(link, signals));
        }
        Outcome outcome = outcomeAt.apply(now());
        ActivityEntry entry = link.step(outcome.kind().activity(), outcome.reason(), suspected(link, signals),
                outcome.at());
        if (store.decide(link.id(), outcome, entry, event(link, entry))) {
            relay.kick(LinkStore.COLLECTION, link.id());
            activityMeter.recorded(entry);
        }
    }

    /**
     * A POST shows that someone used the page: the first such use by a person is the link's VIEWED step. A
     * request that looks like a machine is recorded, flagged, and leaves the person's first view to come.
     */
    private Link viewed(Link link, boolean suspected) {
        if (suspected) {
            return appended(link, link.step(ClientActivity.VIEWED, null, true, now()));
        }
        ActivityEntry entry = link.step(ClientActivity.VIEWED, null, false, now());
        if (store.appendFirstView(link.id(), entry, event(link, entry))) {
            relay.kick(LinkStore.COLLECTION, link.id());
            activityMeter.recorded(entry);
        }
        return link;
    }

    private Link record(Link link, ClientActivity activity, String reason, RequestSignals signals) {
        return appended(link, link.step(activity, reason, suspected(link, signals), now()));
    }

    private Link appended(Link link, ActivityEntry entry) {
        Link recorded = store.append(link.id(), entry, event(link, entry))
                .orElseThrow(() -> new LinkUnavailableException("link of send " + link.sendId() + " vanished"));
        relay.kick(LinkStore.COLLECTION, link.id());
        activityMeter.recorded(entry);
        return recorded;
    }

    private OutboxEntry event(Link link, ActivityEntry entry) {
        return outbox.of(link.announce(entry), Topics.TRACKING_EVENTS);
    }

    private boolean suspected(Link link, RequestSignals signals) {
        return machines.suspects(signals, link.earliestMailedAt(), clock.instant());
    }

    private Link valid(String rawToken) {
        Link link = existing(rawToken);
        if (link.isExpiredAt(now())) {
            log.info("send {}: recipient {} used an expired link", link.sendId(), link.recipientId());
            throw new LinkExpiredException();
        }
        return link;
    }

    private Link existing(String rawToken) {
        LinkToken token = LinkToken.parse(rawToken)
                .orElseThrow(() -> new LinkUnavailableException("malformed token"));
        return store.find(token.hash()).orElseThrow(() -> new LinkUnavailableException("unknown token"));
    }

    private LinkPage page(Link link, String pageLoad) {
        return new LinkPage(link, consents.decision(link.tenantId(), link.email()).orElse(null), pageLoad);
    }

    private boolean refused(Link link) {
        return consents.decision(link.tenantId(), link.email()).orElse(null) == ConsentDecision.REFUSED;
    }

    /** Who fetched, as a hash of address and User-Agent: enough to fold one client's repeats, nothing to read. */
    private static String clientOf(RequestSignals signals) {
        return Sha256.hex(signals.client() + "\n" + signals.userAgent());
    }

    private boolean consentDue(Link link) {
        return consents.isDue(link.tenantId(), link.email());
    }

    private static String fileName(Link link) {
        String stored = link.document().fileName();
        return stored != null && !stored.isBlank() ? stored : "invoice-" + link.invoice().number() + ".pdf";
    }

    /** Mongo keeps milliseconds: recording times at that precision keeps events and documents equal. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
