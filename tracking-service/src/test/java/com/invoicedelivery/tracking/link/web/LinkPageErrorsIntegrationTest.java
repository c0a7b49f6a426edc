package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.stream.IntStream;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.Browser;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Every error under {@code /l/} is one of the link pages' own neutral pages, with their strict headers, whoever
 * refuses the request (Tomcat, Spring Security's firewall, the rate limit, Spring MVC) and whatever the request
 * accepts: never Spring's JSON error, never Tomcat's page, never the token echoed back.
 */
class LinkPageErrorsIntegrationTest extends LinkPagesSupport {

    private static final String INVALID = "Връзката не е валидна или е изтекла";
    private static final String TOO_MANY = "Твърде много заявки";
    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String JSON = "application/json";

    @ParameterizedTest
    @ValueSource(strings = {HTML, JSON, "*/*"})
    void aPathTheFirewallRefusesGetsTheNeutralPage(String accept) {
        String token = newLink(Language.BG);
        Browser browser = browser();

        assertNeutral(browser.get("/l/" + token + ";x=1", Map.of("Accept", accept)), 400, INVALID, token);
        assertNeutral(browser.get("/l//" + token, Map.of("Accept", accept)), 400, INVALID, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {HTML, JSON})
    void anEncodedSlashInTheTokenGetsTheNeutralPage(String accept) {
        String token = newLink(Language.BG);

        assertNeutral(browser().get("/l/" + token + "%2Fdef", Map.of("Accept", accept)), 400, INVALID, token);
    }

    @Test
    void anEncodedSlashOutsideTheLinkPagesStillGetsTheApisProblem() {
        HttpResponse<String> api = browser().get("/api/a%2Fb", Map.of("Accept", JSON));

        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {HTML, JSON})
    void anUnknownPathUnderALinkGetsTheNeutralPage(String accept) {
        String token = newLink(Language.BG);
        Browser browser = browser();

        assertNeutral(browser.get("/l/" + token + "/nothing-here", Map.of("Accept", accept)), 404, INVALID, token);
        assertNeutral(browser.get("/l/" + token + "/accept", Map.of("Accept", accept)), 405, INVALID, token);
    }

    @Test
    void aThrottledPostAskingForJsonGetsThe429Page() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document page = page(browser, token);
        IntStream.range(0, 29).forEach(i -> browser.get("/l/" + token));

        HttpResponse<String> throttled = browser.post("/l/" + token + "/accept",
                Map.of("_csrf", Browser.formToken(page)), Map.of("Accept", JSON));

        assertNeutral(throttled, 429, TOO_MANY, token);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    }

    private static void assertNeutral(HttpResponse<String> response, int status, String heading, String token) {
        assertThat(response.statusCode()).as(response.uri() + ": " + response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/html"));
        LinkSafetyIntegrationTest.assertStrictHeaders(response);
        assertThat(Browser.parse(response).selectFirst("main.page.notice h1").text()).isEqualTo(heading);
        assertThat(response.body()).doesNotContain(token).doesNotContain("Tomcat").doesNotContain("Whitelabel");
    }
}
