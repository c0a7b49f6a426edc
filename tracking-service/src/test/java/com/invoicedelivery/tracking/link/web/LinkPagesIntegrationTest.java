package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
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
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Walks the client's pages as a browser does: consent, the invoice, Accept or Return, the PDF. */
class LinkPagesIntegrationTest extends LinkPagesSupport {

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
        assertThat(page.select("form.consent-form button[name=decision]").eachAttr("value"))
                .containsExactly("give", "refuse");
        assertThat(Browser.formToken(page)).isNotBlank();
    }

    @Test
    void givingConsentShowsTheInvoiceWithAllItsDataInBulgarian() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        HttpResponse<String> answer = browser.submit(page(browser, token), "form.consent-form",
                Map.of("decision", "give"));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/l/" + token));
        Document invoice = page(browser, token);
        assertThat(invoice.selectFirst("html").attr("lang")).isEqualTo("bg");
        assertThat(invoice.selectFirst("h1").text()).isEqualTo("Фактура № " + TestSends.INVOICE_NUMBER);
        assertThat(text(invoice))
                .contains("Доставчик", TestSends.TENANT_NAME, "ЕИК 204567891", "ДДС № BG204567891", "МОЛ Иван Петров")
                .contains("Получател", TestSends.RECIPIENT_NAME, "бул. „Мария Луиза“ 2", "ЕИК 175074752",
                        "ДДС № BG175074752")
                .contains(TestSends.LINE_DESCRIPTION, "бр.", "600,00", "20 %", "1 200,00")
                .contains("Дата на издаване 28.11.2026", "Дата на данъчно събитие 28.11.2026",
                        "Срок за плащане 12.12.2026", "Оригинал")
                .contains("Данъчна основа 1 200,00 EUR", "ДДС 240,00 EUR", "Сума за плащане 1 440,00 EUR")
                .contains("Банков превод", "Първа банка", "IBAN BG80BNBG96611020345678", "BIC BNBGBGSD")
                .contains("Благодарим ви!");
        assertThat(invoice.select("table.vat tbody tr").eachText()).singleElement()
                .satisfies(rate -> assertThat(rate.replace('\u00a0', ' ')).contains("20 %", "1 200,00", "240,00"));
        assertThat(invoice.select("form.accept-form button").text()).isEqualTo("Приемам фактурата");
        assertThat(invoice.selectFirst("label[for=reason]").text()).isEqualTo("Причина за връщане");
        assertThat(invoice.selectFirst("textarea#reason").attr("maxlength")).isEqualTo("1000");
        assertThat(activities(token)).as("the fetch after the redirect folds into the first").containsExactly(
                ClientActivity.OPENED, ClientActivity.VIEWED, ClientActivity.CONSENT_GIVEN);
    }

    @Test
    void consentIsAskedOncePerTenantAndAddressAndTheFirstAnswerStands() {
        String email = "once-" + UUID.randomUUID() + "@example.com";
        String first = newLink(Language.BG, TestSends.usualExpiry(), email);
        String second = newLink(Language.BG, TestSends.usualExpiry(), email.toUpperCase());
        Browser browser = browser();

        browser.submit(page(browser, first), "form.consent-form", Map.of("decision", "refuse"));
        Document invoiceAfterRefusal = page(browser, first);
        HttpResponse<String> lateAnswer = browser.post("/l/" + first + "/consent",
                Map.of("_csrf", Browser.formToken(invoiceAfterRefusal), "decision", "give"));

        assertThat(invoiceAfterRefusal.selectFirst("h1").text()).startsWith("Фактура");
        assertThat(lateAnswer.statusCode()).isEqualTo(303);
        assertThat(activities(first)).containsOnlyOnce(ClientActivity.CONSENT_REFUSED)
                .doesNotContain(ClientActivity.CONSENT_GIVEN);
        assertThat(page(browser, second).selectFirst("h1").text()).startsWith("Фактура");
        assertThat(activities(second)).doesNotContain(ClientActivity.CONSENT_GIVEN, ClientActivity.CONSENT_REFUSED);
    }

    @Test
    void consentIsPerTenant() {
        String email = "two-tenants-" + UUID.randomUUID() + "@example.com";
        String token = newLink(Language.BG, TestSends.usualExpiry(), email);
        Browser browser = browser();
        consentGiven(browser, token);

        String otherTenantsToken = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(), TestSends.recipient(email, otherTenantsToken));
        registration.register(TestSends.sendRequested("other-" + tenant, send));

        assertThat(page(browser, otherTenantsToken).select("form.consent-form")).hasSize(1);
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
                .isEqualTo("Приета на " + new PageFormats(Language.BG,
                        ZoneId.of("Europe/Sofia")).time(afterAccept.outcome().at()) + ".");
        assertThat(page.selectFirst(".outcome .confirmation").text()).contains(TestSends.TENANT_NAME, "уведомен");
        assertThat(page.selectFirst("a.download").text()).isEqualTo("Изтегляне на PDF");
        assertThat(page.selectFirst("a.download").attr("href")).isEqualTo("/l/" + token + "/invoice.pdf");
        assertThat(page.select("form.accept-form, form.return-form")).isEmpty();

        String freshToken = Browser.formToken(page);
        HttpResponse<String> again = browser.post("/l/" + token + "/accept", Map.of("_csrf", freshToken));
        HttpResponse<String> returnAfterwards = browser.post("/l/" + token + "/return",
                Map.of("_csrf", Browser.formToken(page(browser, token)), "reason", "Все пак не"));

        assertThat(again.statusCode()).isEqualTo(303);
        assertThat(returnAfterwards.statusCode()).isEqualTo(303);
        Link afterAll = stored(token);
        assertThat(afterAll.outcome()).isEqualTo(afterAccept.outcome());
        assertThat(activities(token)).containsOnlyOnce(ClientActivity.ACCEPTED).doesNotContain(ClientActivity.RETURNED);
    }

    @Test
    void returnNeedsAReasonAndThenShowsTheOutcomeAndAConfirmation() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);
        int stepsBefore = stored(token).history().size();

        HttpResponse<String> blank = browser.submit(invoice, "form.return-form", Map.of("reason", "   "));
        Document refused = Browser.parse(blank);
        HttpResponse<String> invisible = browser.submit(refused, "form.return-form",
                Map.of("reason", "\u200B\u200C \u200D\u2060\uFEFF\n"));
        Document refusedInvisible = Browser.parse(invisible);
        HttpResponse<String> tooLong = browser.submit(refusedInvisible, "form.return-form",
                Map.of("reason", "я".repeat(1001)));

        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(refused.selectFirst("#reason-error").text()).isEqualTo("Моля, напишете защо връщате фактурата.");
        assertThat(refused.selectFirst("textarea#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(refused.selectFirst("textarea#reason").attr("aria-describedby")).contains("reason-error");
        assertThat(invisible.statusCode()).as("a reason of zero-width characters only").isEqualTo(400);
        assertThat(refusedInvisible.selectFirst("#reason-error").text())
                .isEqualTo("Моля, напишете защо връщате фактурата.");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        Document refusedAgain = Browser.parse(tooLong);
        assertThat(refusedAgain.selectFirst("#reason-error").text())
                .isEqualTo("Причината може да бъде най-много 1000 знака.");
        assertThat(stored(token).history()).hasSize(stepsBefore);
        assertThat(stored(token).outcome()).isNull();

        HttpResponse<String> returned = browser.submit(refusedAgain, "form.return-form",
                Map.of("reason", "  Грешна сума по ред 1  "));

        assertThat(returned.statusCode()).isEqualTo(303);
        Document page = page(browser, token);
        assertThat(page.selectFirst(".outcome .returned").text()).startsWith("Върната на ");
        assertThat(page.selectFirst(".outcome .confirmation").text())
                .isEqualTo("Фактурата е върната. Изпращачът (" + TestSends.TENANT_NAME + ") е уведомен заедно с причината.");
        assertThat(page.selectFirst(".outcome .reason").text()).isEqualTo("Причина: Грешна сума по ред 1");
        assertThat(page.select("a.download")).isEmpty();
        assertThat(stored(token).history()).filteredOn(step -> step.activity() == ClientActivity.RETURNED)
                .singleElement().extracting(ActivityEntry::reason).isEqualTo("Грешна сума по ред 1");
        assertThat(browser.download("/l/" + token + "/invoice.pdf").statusCode()).isEqualTo(303);
    }

    @Test
    void anEnglishLinkShowsEnglishPages() {
        String token = newLink(Language.EN);
        Browser browser = browser();

        Document consent = page(browser, token);
        assertThat(consent.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(consent.selectFirst("h1").text()).isEqualTo("Consent to the processing of personal data");
        assertThat(consent.select("button[name=decision]").eachText()).containsExactly("I consent", "I do not consent");
        browser.submit(consent, "form.consent-form", Map.of("decision", "give"));

        Document invoice = page(browser, token);
        assertThat(invoice.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(invoice.selectFirst("h1").text()).isEqualTo("Invoice № " + TestSends.INVOICE_NUMBER);
        assertThat(text(invoice)).contains("Supplier", "Recipient", "UIC 204567891", "VAT number BG204567891",
                "Due date 12.12.2026", "VAT by rate", "Total due 1,440.00 EUR", "IBAN BG80BNBG96611020345678",
                TestSends.LINE_DESCRIPTION);
        assertThat(invoice.select("form.accept-form button").text()).isEqualTo("Accept the invoice");

        browser.submit(invoice, "form.accept-form", NO_FIELDS);
        Document accepted = page(browser, token);
        assertThat(accepted.selectFirst(".outcome .accepted").text()).startsWith("Accepted on ");
        assertThat(accepted.selectFirst("a.download").text()).isEqualTo("Download PDF");
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
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("hash-" + UUID.randomUUID() + "@example.com", token));
        registration.attachDocument(TestSends.documentReady(tenant, send,
                new DocumentRef(documentId, Sha256.hex("%PDF-1.4 original".getBytes(StandardCharsets.UTF_8)), 17, "f.pdf")));
        Browser browser = browser();
        browser.submit(consentGiven(browser, token), "form.accept-form", NO_FIELDS);

        HttpResponse<byte[]> download = browser.download("/l/" + token + "/invoice.pdf");

        assertThat(download.statusCode()).isEqualTo(503);
        assertThat(activities(token)).doesNotContain(ClientActivity.DOWNLOADED);
    }
}
