package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the link page tests share: links made as the two events make them, a browser, and the stored link.
 * It adds no configuration, so its subclasses share the one context of {@link TrackingIntegrationTest}.
 */
abstract class LinkPagesSupport extends TrackingIntegrationTest {

    static final Map<String, String> NO_FIELDS = Map.of();
    static final byte[] PDF = "%PDF-1.4 фактура".getBytes(StandardCharsets.UTF_8);
    static final DocumentRef DOCUMENT = new DocumentRef("doc-" + UUID.randomUUID(), Sha256.hex(PDF),
            PDF.length, "Фактура 0000000042.pdf");

    @LocalServerPort
    int port;
    @Autowired
    LinkRegistration registration;
    @Autowired
    LinkStore links;

    final String tenant = "tenant-" + UUID.randomUUID();

    String newLink(Language language) {
        return newLink(language, TestSends.usualExpiry());
    }

    String newLink(Language language, Instant expiresAt) {
        return newLink(language, expiresAt, "client-" + UUID.randomUUID() + "@example.com");
    }

    /** A link as the two events make it: the send requested, then its document rendered (a minute ago). */
    String newLink(Language language, Instant expiresAt, String email) {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(language, expiresAt, TestSends.recipient(email, token));
        registration.register(TestSends.sendRequested(tenant, send));
        registration.attachDocument(TestSends.documentReady(tenant, send, DOCUMENT));
        return token;
    }

    /** An address that consented to this tenant on a link of its own: its further links open on the invoice. */
    String consentedAddress() {
        String email = "consented-" + UUID.randomUUID() + "@example.com";
        consentGiven(browser(), newLink(Language.BG, TestSends.usualExpiry(), email));
        return email;
    }

    /** A link to an address that consented before: its page is the invoice, with the beacon. */
    String consentedLink(Language language) {
        return newLink(language, TestSends.usualExpiry(), consentedAddress());
    }

    Browser browser() {
        return new Browser(port);
    }

    static Document page(Browser browser, String token) {
        HttpResponse<String> response = browser.get("/l/" + token);
        assertThat(response.statusCode()).isEqualTo(200);
        return Browser.parse(response);
    }

    static Document consentGiven(Browser browser, String token) {
        browser.submit(page(browser, token), "form.consent-form", Map.of("decision", "give"));
        return page(browser, token);
    }

    /** The page's text with non-breaking spaces (Bulgarian digit grouping) as plain ones. */
    static String text(Element page) {
        return page.text().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    Link stored(String token) {
        return links.find(LinkToken.parse(token).orElseThrow().hash()).orElseThrow();
    }

    List<ClientActivity> activities(String token) {
        return stored(token).history().stream().map(ActivityEntry::activity).toList();
    }
}
