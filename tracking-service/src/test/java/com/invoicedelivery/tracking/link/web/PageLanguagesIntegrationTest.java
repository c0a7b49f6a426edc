package com.invoicedelivery.tracking.link.web;

import static com.invoicedelivery.tracking.link.web.PageChecks.assertMobileFriendlyAndAccessible;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.stream.IntStream;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every page in the send's language, with its key texts, mobile-friendly and accessible; the neutral pages,
 * which may not know the language, in both.
 */
class PageLanguagesIntegrationTest extends LinkPagesSupport {

    /** The key texts of each page, per language. */
    private record Texts(String lang, String consentHeading, String refusalMeaning, String accept, String returnIt,
                         String reasonLabel, String reasonMissing, String acceptedOn, String acceptedConfirmation,
                         String download, String returnedOn, String returnedConfirmation, String reasonPrefix) {
    }

    private static final Map<Language, Texts> TEXTS = Map.of(
            Language.BG, new Texts("bg", "Съгласие за обработване на лични данни",
                    "Ако откажете, пак ще можете да видите фактурата, да я приемете или върнете и да изтеглите документа.",
                    "Приемам фактурата", "Връщам фактурата", "Причина за връщане",
                    "Моля, напишете защо връщате фактурата.", "Приета на",
                    "Благодарим ви. Изпращачът (" + TestSends.TENANT_NAME + ") е уведомен, че приемате фактурата.",
                    "Изтегляне на PDF", "Върната на",
                    "Фактурата е върната. Изпращачът (" + TestSends.TENANT_NAME + ") е уведомен заедно с причината.",
                    "Причина:"),
            Language.EN, new Texts("en", "Consent to the processing of personal data",
                    "If you refuse, you can still see the invoice, accept or return it and download the document.",
                    "Accept the invoice", "Return the invoice", "Reason for returning",
                    "Please write why you are returning the invoice.", "Accepted on",
                    "Thank you. The sender (" + TestSends.TENANT_NAME + ") has been told that you accept the invoice.",
                    "Download PDF", "Returned on",
                    "The invoice has been returned. The sender (" + TestSends.TENANT_NAME + ") has been told, with your reason.",
                    "Reason:"));

    @ParameterizedTest
    @EnumSource(Language.class)
    void consentInvoiceAndAcceptedPagesSpeakTheSendsLanguage(Language language) {
        Texts texts = TEXTS.get(language);
        String token = newLink(language);
        Browser browser = browser();

        Document consent = page(browser, token);
        assertMobileFriendlyAndAccessible(consent, texts.lang());
        assertThat(consent.selectFirst("h1").text()).isEqualTo(texts.consentHeading());
        assertThat(consent.text()).contains(texts.refusalMeaning());

        Document invoice = consentGiven(browser, token);
        assertMobileFriendlyAndAccessible(invoice, texts.lang());
        assertThat(invoice.select("form.accept-form button").text()).isEqualTo(texts.accept());
        assertThat(invoice.select("form.return-form button").text()).isEqualTo(texts.returnIt());
        assertThat(invoice.select("label[for=reason]").text()).isEqualTo(texts.reasonLabel());

        Document missingReason = Browser.parse(browser.submit(invoice, "form.return-form", Map.of("reason", "")));
        assertMobileFriendlyAndAccessible(missingReason, texts.lang());
        assertThat(missingReason.select("#reason-error").text()).isEqualTo(texts.reasonMissing());

        browser.submit(missingReason, "form.accept-form", NO_FIELDS);
        Document accepted = page(browser, token);
        assertMobileFriendlyAndAccessible(accepted, texts.lang());
        assertThat(accepted.select(".outcome .accepted").text()).startsWith(texts.acceptedOn());
        assertThat(accepted.select(".outcome .confirmation").text()).isEqualTo(texts.acceptedConfirmation());
        assertThat(accepted.select("a.download").text()).isEqualTo(texts.download());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theReturnedPageSpeaksTheSendsLanguage(Language language) {
        Texts texts = TEXTS.get(language);
        String token = newLink(language);
        Browser browser = browser();

        browser.submit(consentGiven(browser, token), "form.return-form", Map.of("reason", "Грешен ДДС номер"));
        Document returned = page(browser, token);

        assertMobileFriendlyAndAccessible(returned, texts.lang());
        assertThat(returned.select(".outcome .returned").text()).startsWith(texts.returnedOn());
        assertThat(returned.select(".outcome .confirmation").text()).isEqualTo(texts.returnedConfirmation());
        assertThat(returned.select(".outcome .reason").text()).isEqualTo(texts.reasonPrefix() + " Грешен ДДС номер");
    }

    @Test
    void theNeutralPagesSpeakBothLanguages() {
        Browser browser = browser();
        String expired = newLink(Language.EN, Instant.now().minusSeconds(60));
        String busy = newLink(Language.EN);
        IntStream.range(0, 29).forEach(i -> browser.get("/l/" + busy)); // the 30th request is the refused form

        Map<String, HttpResponse<String>> pages = Map.of(
                "unknown", browser.get("/l/" + TestSends.newToken()),
                "expired", browser.get("/l/" + expired),
                "renewal", browser.get("/l/" + expired + "/renewal"),
                "form refused", browser.post("/l/" + busy + "/accept", NO_FIELDS),
                "throttled", browser.get("/l/" + busy));
        Map<String, String[]> keyTexts = Map.of(
                "unknown", new String[] {"Връзката не е валидна или е изтекла", "This link is not valid or has expired"},
                "expired", new String[] {"Изпратете ми нова връзка", "E-mail me a fresh link"},
                "renewal", new String[] {"Заявката ви е приета", "Your request has been received"},
                "form refused", new String[] {"Формулярът не беше приет", "The form was not accepted"},
                "throttled", new String[] {"Твърде много заявки", "Too many requests"});

        pages.forEach((name, response) -> {
            Document page = Browser.parse(response);
            assertMobileFriendlyAndAccessible(page, "bg");
            assertThat(page.select("section[lang=en] h2")).as(name).hasSize(1);
            assertThat(page.text()).as(name).contains(keyTexts.get(name));
        });
    }
}
