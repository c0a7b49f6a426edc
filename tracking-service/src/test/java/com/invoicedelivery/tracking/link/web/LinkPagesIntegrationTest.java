package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.TrackingIntegrationTest;
import com.invoicedelivery.tracking.link.application.LinkRegistration;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import com.invoicedelivery.tracking.link.domain.LinkToken;
import com.invoicedelivery.tracking.link.domain.Sha256;
import com.invoicedelivery.tracking.link.persistence.LinkStore;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Walks the client's pages as a browser does: consent, the invoice, Accept or Return, the PDF. */
class LinkPagesIntegrationTest extends TrackingIntegrationTest {

    private static final Map<String, String> NO_FIELDS = Map.of();
    private static final byte[] PDF = "%PDF-1.4 фактура".getBytes(StandardCharsets.UTF_8);
    private static final DocumentRef DOCUMENT = new DocumentRef("doc-" + UUID.randomUUID(), Sha256.hex(PDF),
            PDF.length, "Фактура 0000000042.pdf");

    @LocalServerPort
    int port;
    @Autowired
    LinkRegistration registration;
    @Autowired
    LinkStore links;

    private final String tenant = "tenant-" + UUID.randomUUID();

    @Test
    void unknownMalformedAndExpiredLinksGetTheSameNeutralPage() {
        String expired = newLink(Language.BG, Instant.now().minus(1, ChronoUnit.MINUTES));
        Browser browser = browser();

        HttpResponse<String> unknown = browser.get("/l/" + TestSends.newToken());
        HttpResponse<String> malformed = browser.get("/l/not-a-token");
        HttpResponse<String> expiredPage = browser.get("/l/" + expired);

        assertThat(List.of(unknown.statusCode(), malformed.statusCode(), expiredPage.statusCode()))
                .containsOnly(404);
        assertThat(malformed.body()).isEqualTo(unknown.body());
        assertThat(expiredPage.body()).isEqualTo(unknown.body());
        assertThat(Browser.parse(unknown).text())
                .contains("Връзката не е валидна или е изтекла")
                .contains("This link is not valid or has expired");
        assertThat(stored(expired).history()).isEmpty();
    }

    @Test
    void theConsentPageComesFirstAndShowsNoInvoiceData() {
        String token = newLink(Language.BG);

        HttpResponse<String> response = browser().get("/l/" + token);

        assertThat(response.statusCode()).isEqualTo(200);
        Document page = Browser.parse(response);
        assertThat(page.selectFirst("html").attr("lang")).isEqualTo("bg");
        assertThat(page.selectFirst("h1").text()).isEqualTo("Съгласие за обработване на лични данни");
        assertThat(page.text())
                .contains(TestSends.TENANT_NAME)
                .contains("Ако откажете, пак ще можете да видите фактурата")
                .doesNotContain(TestSends.INVOICE_NUMBER)
                .doesNotContain(TestSends.RECIPIENT_NAME)
                .doesNotContain(TestSends.LINE_DESCRIPTION)
                .doesNotContain("1440")
                .doesNotContain("1 440");
        assertThat(page.select("form button[name=decision]").eachAttr("value")).containsExactly("give", "refuse");
        assertThat(page.select("form input[type=hidden][name=_csrf]").attr("value")).isNotBlank();
    }

    @Test
    void givingConsentShowsTheInvoiceInBulgarian() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        HttpResponse<String> answer = browser.submit(page(browser, token), "form", Map.of("decision", "give"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/l/" + token));
        Document invoice = page(browser, token);
        assertThat(invoice.selectFirst("html").attr("lang")).isEqualTo("bg");
        assertThat(invoice.selectFirst("h1").text()).isEqualTo("Фактура № " + TestSends.INVOICE_NUMBER);
        assertThat(text(invoice))
                .contains("Доставчик", TestSends.TENANT_NAME, "ЕИК 204567891", "ДДС № BG204567891", "МОЛ Иван Петров")
                .contains("Получател", TestSends.RECIPIENT_NAME, "бул. „Мария Луиза“ 2")
                .contains(TestSends.LINE_DESCRIPTION, "бр.", "600,00", "20 %", "1 200,00")
                .contains("Сума за плащане 1 440,00 EUR", "Банков превод", "BG80BNBG96611020345678")
                .contains("Дата на издаване 28.11.2026", "Оригинал");
        assertThat(invoice.select("form.accept-form button").text()).isEqualTo("Приемам фактурата");
        assertThat(invoice.selectFirst("label[for=reason]").text()).isEqualTo("Причина за връщане");
        assertThat(invoice.selectFirst("textarea#reason").attr("maxlength")).isEqualTo("1000");
        assertThat(activities(token)).containsExactly(ClientActivity.OPENED, ClientActivity.VIEWED,
                ClientActivity.CONSENT_GIVEN, ClientActivity.OPENED);
    }

    @Test
    void consentIsAskedOncePerTenantAndAddressAndTheFirstAnswerStands() {
        String email = "once-" + UUID.randomUUID() + "@example.com";
        String first = newLink(Language.BG, null, email);
        String second = newLink(Language.BG, null, email.toUpperCase());
        Browser browser = browser();
        Document consentPage = page(browser, first);

        browser.submit(consentPage, "form", Map.of("decision", "refuse"));
        HttpResponse<String> lateAnswer = browser.submit(consentPage, "form", Map.of("decision", "give"));

        assertThat(lateAnswer.statusCode()).isEqualTo(303);
        assertThat(activities(first)).containsOnlyOnce(ClientActivity.CONSENT_REFUSED)
                .doesNotContain(ClientActivity.CONSENT_GIVEN);
        assertThat(page(browser, second).selectFirst("h1").text()).startsWith("Фактура");
    }

    @Test
    void acceptShowsWhenAndOffersThePdfAndASecondAcceptChangesNothing() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);

        HttpResponse<String> accepted = browser.submit(invoice, "form.accept-form", NO_FIELDS);

        assertThat(accepted.statusCode()).isEqualTo(303);
        Link afterAccept = stored(token);
        assertThat(afterAccept.isAccepted()).isTrue();
        Document page = page(browser, token);
        assertThat(page.selectFirst(".outcome .accepted").text())
                .isEqualTo("Приета на " + new PageFormats(RequestAttributeLocaleResolver.BULGARIAN,
                        ZoneId.of("Europe/Sofia")).time(afterAccept.outcome().at()) + ".");
        assertThat(page.selectFirst("a.download").text()).isEqualTo("Изтегляне на PDF");
        assertThat(page.selectFirst("a.download").attr("href")).isEqualTo("/l/" + token + "/invoice.pdf");
        assertThat(page.select("form.accept-form, form.return-form")).isEmpty();

        HttpResponse<String> again = browser.submit(invoice, "form.accept-form", NO_FIELDS);
        HttpResponse<String> returnAfterwards = browser.submit(invoice, "form.return-form",
                Map.of("reason", "Все пак не"));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(returnAfterwards.statusCode()).isEqualTo(303);
        Link afterAll = stored(token);
        assertThat(afterAll.outcome()).isEqualTo(afterAccept.outcome());
        assertThat(activities(token)).containsOnlyOnce(ClientActivity.ACCEPTED).doesNotContain(ClientActivity.RETURNED);
    }

    @Test
    void returnNeedsAReasonAndThenShowsTheOutcome() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);
        int stepsBefore = stored(token).history().size();

        HttpResponse<String> blank = browser.submit(invoice, "form.return-form", Map.of("reason", "   "));
        HttpResponse<String> tooLong = browser.submit(invoice, "form.return-form", Map.of("reason", "я".repeat(1001)));

        assertThat(blank.statusCode()).isEqualTo(400);
        Document refused = Browser.parse(blank);
        assertThat(refused.selectFirst("#reason-error").text()).isEqualTo("Моля, напишете защо връщате фактурата.");
        assertThat(refused.selectFirst("textarea#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("textarea#reason").attr("aria-describedby")).contains("reason-error");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(Browser.parse(tooLong).selectFirst("#reason-error").text())
                .isEqualTo("Причината може да бъде най-много 1000 знака.");
        assertThat(stored(token).history()).hasSize(stepsBefore);
        assertThat(stored(token).outcome()).isNull();

        HttpResponse<String> returned = browser.submit(refused, "form.return-form",
                Map.of("reason", "  Грешна сума по ред 1  "));

        assertThat(returned.statusCode()).isEqualTo(303);
        Document page = page(browser, token);
        assertThat(page.selectFirst(".outcome .returned").text()).startsWith("Върната на ");
        assertThat(page.selectFirst(".outcome .reason").text()).isEqualTo("Причина: Грешна сума по ред 1");
        assertThat(page.select("a.download")).isEmpty();
        assertThat(stored(token).history()).filteredOn(step -> step.activity() == ClientActivity.RETURNED)
                .singleElement().extracting(ActivityEntry::reason).isEqualTo("Грешна сума по ред 1");
        assertThat(browser.download("/l/" + token + "/invoice.pdf").statusCode()).isEqualTo(303);
    }

    @Test
    void aPostWithoutAValidCsrfTokenIsRefusedAndChangesNothing() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        consentGiven(browser, token);
        int stepsBefore = stored(token).history().size();

        HttpResponse<String> withoutToken = browser.post("/l/" + token + "/accept", NO_FIELDS);
        HttpResponse<String> forgedToken = browser.post("/l/" + token + "/accept", Map.of("_csrf", "forged"));
        HttpResponse<String> otherBrowser = browser().post("/l/" + token + "/accept", NO_FIELDS);

        assertThat(List.of(withoutToken.statusCode(), forgedToken.statusCode(), otherBrowser.statusCode()))
                .containsOnly(403);
        assertThat(Browser.parse(withoutToken).selectFirst("h1").text()).isEqualTo("Формулярът не беше приет");
        assertThat(stored(token).outcome()).isNull();
        assertThat(stored(token).history()).hasSize(stepsBefore);
    }

    @Test
    void anEnglishLinkShowsEnglishPages() {
        String token = newLink(Language.EN);
        Browser browser = browser();

        Document consent = page(browser, token);
        assertThat(consent.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(consent.selectFirst("h1").text()).isEqualTo("Consent to the processing of personal data");
        assertThat(consent.select("button[name=decision]").eachText()).containsExactly("I consent", "I do not consent");
        browser.submit(consent, "form", Map.of("decision", "give"));

        Document invoice = page(browser, token);
        assertThat(invoice.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(invoice.selectFirst("h1").text()).isEqualTo("Invoice № " + TestSends.INVOICE_NUMBER);
        assertThat(text(invoice)).contains("Supplier", "Recipient", "Total due 1,440.00 EUR", TestSends.LINE_DESCRIPTION);
        assertThat(invoice.select("form.accept-form button").text()).isEqualTo("Accept the invoice");

        browser.submit(invoice, "form.accept-form", NO_FIELDS);
        assertThat(page(browser, token).selectFirst(".outcome .accepted").text()).startsWith("Accepted on ");
    }

    @Test
    void pagesForbidFramingReferrersInlineScriptsAndCaching() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        for (HttpResponse<String> response : List.of(browser.get("/l/" + token), browser.get("/l/" + TestSends.newToken()))) {
            assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval"));
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Cache-Control")).hasValueSatisfying(
                    cache -> assertThat(cache).contains("no-store"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(Browser.parse(response).select("script, [style]")).isEmpty();
            assertThat(response.body()).doesNotContain("<!--");
        }
        assertThat(browser.get("/css/link.css").statusCode()).isEqualTo(200);
    }

    @Test
    void headRequestsAndScannersAreRecordedAsSuspectedMachines() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        assertThat(browser.head("/l/" + token).statusCode()).isEqualTo(200);
        assertThat(browser.get("/l/" + token, "Mozilla/5.0 (compatible; Barracuda Sentinel)").statusCode())
                .isEqualTo(200);
        assertThat(browser.get("/l/" + token).statusCode()).isEqualTo(200);

        assertThat(stored(token).history()).extracting(ActivityEntry::activity, ActivityEntry::suspectedMachine)
                .containsExactly(tuple(ClientActivity.OPENED, true),
                        tuple(ClientActivity.OPENED, true),
                        tuple(ClientActivity.OPENED, false));
        assertThat(stored(token).viewedAt()).isNull();
    }

    @Test
    void thePdfComesOnlyAfterAcceptWithItsCyrillicFileName() {
        PDF_SERVICE.put(DOCUMENT.documentId(), PDF);
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);

        HttpResponse<byte[]> tooEarly = browser.download("/l/" + token + "/invoice.pdf");
        browser.submit(invoice, "form.accept-form", NO_FIELDS);
        HttpResponse<byte[]> download = browser.download("/l/" + token + "/invoice.pdf");

        assertThat(tooEarly.statusCode()).isEqualTo(303);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PDF);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"_______ 0000000042.pdf\"; "
                        + "filename*=UTF-8''%D0%A4%D0%B0%D0%BA%D1%82%D1%83%D1%80%D0%B0%200000000042.pdf");
        assertThat(activities(token)).containsOnlyOnce(ClientActivity.DOWNLOADED).endsWith(ClientActivity.DOWNLOADED);
    }

    @Test
    void aDocumentThatFailsItsHashCheckIsNotHandedOut() {
        String documentId = "doc-" + UUID.randomUUID();
        PDF_SERVICE.put(documentId, "%PDF-1.4 tampered".getBytes(StandardCharsets.UTF_8));
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, null,
                TestSends.recipient("hash-" + UUID.randomUUID() + "@example.com", token));
        registration.attachDocument(TestSends.documentReady(tenant, send,
                new DocumentRef(documentId, Sha256.hex("%PDF-1.4 original".getBytes(StandardCharsets.UTF_8)), 17, "f.pdf")));
        Browser browser = browser();
        browser.submit(consentGiven(browser, token), "form.accept-form", NO_FIELDS);

        HttpResponse<byte[]> download = browser.download("/l/" + token + "/invoice.pdf");

        assertThat(download.statusCode()).isEqualTo(503);
        assertThat(activities(token)).doesNotContain(ClientActivity.DOWNLOADED);
    }

    private String newLink(Language language) {
        return newLink(language, null);
    }

    private String newLink(Language language, Instant expiresAt) {
        return newLink(language, expiresAt, "client-" + UUID.randomUUID() + "@example.com");
    }

    /** A link as the two events make it: the send requested, then its document rendered. */
    private String newLink(Language language, Instant expiresAt, String email) {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(language, expiresAt, TestSends.recipient(email, token));
        registration.register(TestSends.sendRequested(tenant, send));
        registration.attachDocument(TestSends.documentReady(tenant, send, DOCUMENT));
        return token;
    }

    private Browser browser() {
        return new Browser(port);
    }

    private static Document page(Browser browser, String token) {
        HttpResponse<String> response = browser.get("/l/" + token);
        assertThat(response.statusCode()).isEqualTo(200);
        return Browser.parse(response);
    }

    private static Document consentGiven(Browser browser, String token) {
        browser.submit(page(browser, token), "form", Map.of("decision", "give"));
        return page(browser, token);
    }

    /** The page's text with non-breaking spaces (Bulgarian digit grouping) as plain ones. */
    private static String text(Document page) {
        return page.text().replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    private Link stored(String token) {
        return links.find(LinkToken.parse(token).orElseThrow().hash()).orElseThrow();
    }

    private List<ClientActivity> activities(String token) {
        return stored(token).history().stream().map(ActivityEntry::activity).toList();
    }
}
