package com.invoicedelivery.tracking.link.application;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import org.junit.jupiter.api.Test;

/** How the two events of a link-mode send meet the store: the first makes the links, the second only finds them. */
class LinkRegistrationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T10:00:00Z"), ZoneOffset.UTC);
    private static final DocumentRef DOCUMENT = new DocumentRef("doc-1", "0".repeat(64), 1234, "invoice.pdf");

    private final LinkStore store = mock(LinkStore.class);
    private final LinkRegistration registration = new LinkRegistration(store, CLOCK);
    private final SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
            TestSends.recipient("a@client.example", TestSends.newToken()),
            TestSends.recipient("b@client.example", TestSends.newToken()));

    @Test
    void theFirstEventOfASendInsertsItsLinks() {
        when(store.findAll(anyCollection())).thenReturn(List.of());
        when(store.insertIfAbsent(any())).thenReturn(true);

        registration.register(TestSends.sendRequested("acme", send));

        verify(store, times(2)).insertIfAbsent(any());
    }

    @Test
    void theSecondEventFindsTheLinksTheFirstMadeAndInsertsNone() {
        List<Link> made = firstEventMakesTheLinks();

        when(store.findAll(anyCollection())).thenReturn(List.copyOf(made));
        registration.attachDocument(TestSends.documentReady("acme", send, DOCUMENT));

        verify(store, times(2)).insertIfAbsent(any()); // the first event's two, none more
        verify(store).attachDocument(eq("acme"), eq(send.sendId()), any());
    }

    @Test
    void aLinkMissingWhenTheSecondEventComesIsMadeThen() {
        List<Link> made = firstEventMakesTheLinks();

        when(store.findAll(anyCollection())).thenReturn(List.of(made.get(0)));
        registration.attachDocument(TestSends.documentReady("acme", send, DOCUMENT));

        String found = made.get(0).id();
        String missing = made.get(1).id();
        verify(store, times(1)).insertIfAbsent(argThat(link -> link.id().equals(found)));
        verify(store, times(2)).insertIfAbsent(argThat(link -> link.id().equals(missing)));
    }

    /** The send-requested event on an empty store; answers the links it inserted. */
    private List<Link> firstEventMakesTheLinks() {
        List<Link> made = new ArrayList<>();
        when(store.findAll(anyCollection())).thenReturn(List.of());
        when(store.insertIfAbsent(any())).thenAnswer(call -> made.add(call.getArgument(0)));
        registration.register(TestSends.sendRequested("acme", send));
        return made;
    }
}
