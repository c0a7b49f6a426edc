package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Refusing consent stops behavioural tracking for the address; consent given can be withdrawn from any page. */
class ConsentIntegrationTest extends LinkPagesSupport {

    @Test
    void theRefusalClickRecordsTheRefusalAndNoView() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        browser.submit(page(browser, token), "form.consent-form", Map.of("decision", "refuse"));

        assertThat(activities(token)).containsExactly(ClientActivity.OPENED, ClientActivity.CONSENT_REFUSED);
        assertThat(stored(token).viewedAt()).isNull();
    }

    @Test
    void afterARefusalLaterLinksRecordNoOpenAndNoViewAndHaveNoBeacon() {
        String email = "refuses-" + java.util.UUID.randomUUID() + "@example.com";
        String first = newLink(Language.BG, TestSends.usualExpiry(), email);
        Browser browser = browser();
        browser.submit(page(browser, first), "form.consent-form", Map.of("decision", "refuse"));
        String later = newLink(Language.BG, TestSends.usualExpiry(), email);

        Document invoice = page(browser, later);
        page(browser, later);
        browser.post("/l/" + later + "/seen", Map.of("_csrf", Browser.formToken(invoice), "load", "any"));
        assertThat(invoice.select("form#seen-beacon")).isEmpty();
        assertThat(text(invoice)).contains("Не сте дали съгласие");
        assertThat(activities(later)).as("nothing behavioural").isEmpty();

        browser.submit(invoice, "form.accept-form", NO_FIELDS);

        assertThat(activities(later)).as("the answer the sender needs, and no view")
                .containsExactly(ClientActivity.ACCEPTED);
        assertThat(stored(later).viewedAt()).isNull();
    }

    @Test
    void theConsentPageNamesTheControllerWhatIsRecordedForHowLongAndHowToWithdraw() {
        String token = newLink(Language.EN);

        Document consent = page(browser(), token);

        String controller = stored(token).invoice().supplier().name();
        assertThat(consent.select("section.controller").text()).contains(controller,
                stored(token).invoice().supplier().uic());
        assertThat(text(consent)).contains("What is recorded", "deleted 365 days after the link expires",
                "withdraw your consent at any time");
        assertThat(consent.select("footer.page-footer .platform").text()).contains("Invoice delivery platform");
    }

    @Test
    void consentGivenCanBeWithdrawnFromALaterPageAndThenNothingBehaviouralIsRecorded() {
        String token = consentedLink(Language.EN);
        Browser browser = browser();
        Document invoice = page(browser, token);
        assertThat(invoice.select("footer form.withdraw-form button").text()).isEqualTo("Withdraw consent");

        assertThat(browser.submit(invoice, "form.withdraw-form", NO_FIELDS).statusCode()).isEqualTo(303);
        Document after = page(browser, token);
        page(browser, token);

        assertThat(activities(token)).containsExactly(ClientActivity.OPENED, ClientActivity.CONSENT_REFUSED);
        assertThat(after.select("form#seen-beacon")).isEmpty();
        assertThat(after.select("form.withdraw-form")).isEmpty();
        assertThat(text(after)).contains("You did not consent");
    }
}
