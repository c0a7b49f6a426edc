package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Sender;
import com.invoicedelivery.events.TenantContact;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The tenant's privacy notice and contact on its clients' pages (issue 16): linked from the consent page and every
 * page's footer, as the send carried them; what the bus carries is checked again before it becomes a link.
 */
class TenantPageIntegrationTest extends LinkPagesSupport {

    private static final String NOTICE = "https://acme.example/privacy?lang=bg&v=2";
    private static final TenantContact CONTACT = new TenantContact("office@acme.bg", "+359 (2) 123-4567",
            "ул. „Шипка“ 6\n1504 София");

    @Test
    void theConsentPageAndTheInvoicePagesFooterLinkThePrivacyNoticeAndShowTheContact() {
        String token = linkFrom(new Sender(TestSends.TENANT_NAME, "acme", "office@acme.bg", NOTICE, CONTACT),
                Language.BG);
        Browser browser = browser();

        Document consent = page(browser, token);
        assertThat(consent.select("main p.privacy-notice a").attr("href")).isEqualTo(NOTICE);
        assertThat(consent.select("main p.privacy-notice a").attr("rel")).contains("noopener", "noreferrer");
        assertThat(consent.select("main p.privacy-notice a").text())
                .isEqualTo("Политика за поверителност на " + TestSends.TENANT_NAME);

        Document invoice = consentGiven(browser, token);
        assertThat(invoice.select("footer p.privacy-notice a").attr("href")).isEqualTo(NOTICE);
        assertThat(invoice.select("footer address.tenant-contact a.contact-email").attr("href"))
                .isEqualTo("mailto:office@acme.bg");
        assertThat(invoice.select("footer address.tenant-contact a.contact-phone").attr("href"))
                .isEqualTo("tel:+35921234567");
        assertThat(invoice.select("footer address.tenant-contact a.contact-phone").text())
                .isEqualTo("+359 (2) 123-4567");
        assertThat(invoice.select("footer address.tenant-contact .contact-address").text()).contains("ул. „Шипка“ 6");
        PageChecks.assertMobileFriendlyAndAccessible(consent, "bg");
        PageChecks.assertMobileFriendlyAndAccessible(invoice, "bg");
    }

    @Test
    void aPageInEnglishSaysItInEnglishAndALinkWithoutThemShowsNeither() {
        Document english = page(browser(), linkFrom(new Sender(TestSends.TENANT_NAME, "acme", "office@acme.bg",
                NOTICE, null), Language.EN));
        Document plain = page(browser(), newLink(Language.EN));

        assertThat(english.select("main p.privacy-notice a").text())
                .isEqualTo("Privacy notice of " + TestSends.TENANT_NAME);
        assertThat(english.select("address.tenant-contact")).isEmpty();
        assertThat(plain.select(".privacy-notice, address.tenant-contact")).isEmpty();
    }

    @Test
    void whatTheBusCarriesIsNeverALinkToAnythingButAnHttpsPageOrAPlainAddress() {
        String token = linkFrom(new Sender(TestSends.TENANT_NAME, "acme", "office@acme.bg", "javascript:alert(1)",
                new TenantContact("x@y.bg?bcc=all@example.com", "<script>", "ул. 1 <b>")), Language.BG);

        Document consent = page(browser(), token);

        assertThat(consent.select("a[href^=javascript], .privacy-notice")).isEmpty();
        assertThat(consent.select("a.contact-email, a.contact-phone")).isEmpty();
        assertThat(consent.select(".contact-address").text()).contains("ул. 1 <b>");
        assertThat(consent.select(".contact-address b")).as("text, never markup").isEmpty();
    }

    private String linkFrom(Sender sender, Language language) {
        String token = TestSends.newToken();
        SendDetails usual = TestSends.linkSend(language, TestSends.usualExpiry(),
                TestSends.recipient("tenant-page-" + java.util.UUID.randomUUID() + "@example.com", token));
        SendDetails send = new SendDetails(usual.sendId(), usual.invoiceId(), usual.clientId(), usual.clientName(),
                usual.mode(), usual.language(), usual.recipients(), usual.subject(), usual.message(), sender,
                usual.invoice(), usual.linkExpiresAt());
        registration.register(TestSends.sendRequested(tenant, send));
        registration.attachDocument(TestSends.documentReady(tenant, send, DOCUMENT));
        return token;
    }
}
