package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/** CSRF, cross-site and replayed posts, the security headers, and the rate limits of {@code /l/**}. */
class LinkSafetyIntegrationTest extends LinkPagesSupport {

    static final String CSP = "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; "
            + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    private static final String FORM_REFUSED = "Формулярът не беше приет";

    @Autowired
    WebApplicationContext context;

    @Test
    void aPostWithoutAValidCsrfTokenIsRefusedAndChangesNothing() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        consentGiven(browser, token);
        Link before = stored(token);

        HttpResponse<String> withoutToken = browser.post("/l/" + token + "/accept", NO_FIELDS);
        HttpResponse<String> forgedToken = browser.post("/l/" + token + "/accept", Map.of("_csrf", "forged"));
        HttpResponse<String> otherBrowser = browser().post("/l/" + token + "/accept", NO_FIELDS);

        assertThat(List.of(withoutToken.statusCode(), forgedToken.statusCode(), otherBrowser.statusCode()))
                .containsOnly(403);
        assertThat(Browser.parse(withoutToken).selectFirst("h1").text()).isEqualTo(FORM_REFUSED);
        assertThat(stored(token)).isEqualTo(before);
    }

    @Test
    void aCrossSitePostIsRefusedEvenWithAValidTokenAndChangesNothing() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);
        Link before = stored(token);
        String path = "/l/" + token + "/accept";
        Map<String, String> form = Map.of("_csrf", Browser.formToken(invoice));

        List<HttpResponse<String>> crossSite = List.of(
                browser.post(path, form, Map.of("Sec-Fetch-Site", "cross-site")),
                browser.post(path, form, Map.of("Sec-Fetch-Site", "same-site")),
                browser.post(path, form, Map.of("Origin", "https://evil.example")),
                browser.post(path, form, Map.of("Origin", "null")));

        assertThat(crossSite).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(Browser.parse(response).selectFirst("h1").text()).isEqualTo(FORM_REFUSED);
        });
        assertThat(stored(token)).isEqualTo(before);

        HttpResponse<String> fromThePage = browser.post(path, form,
                Map.of("Sec-Fetch-Site", "same-origin", "Origin", browser.origin()));
        assertThat(fromThePage.statusCode()).as("the refusals spent nothing").isEqualTo(303);
        assertThat(stored(token).isAccepted()).isTrue();
    }

    @Test
    void aReplayedPostIsRefusedEvenWithItsOwnCookieAndChangesNothing() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);
        String capturedCookie = "XSRF-TOKEN=" + browser.cookie("XSRF-TOKEN");
        String capturedField = Browser.formToken(invoice);
        String path = "/l/" + token + "/return";

        HttpResponse<String> original = browser.post(path, Map.of("_csrf", capturedField, "reason", ""));
        Link afterOriginal = stored(token);
        HttpResponse<String> replay = browser().post(path, Map.of("_csrf", capturedField, "reason", "Повторение"),
                Map.of("Cookie", capturedCookie));

        assertThat(original.statusCode()).as("a refused reason still spends the token").isEqualTo(400);
        assertThat(replay.statusCode()).isEqualTo(403);
        assertThat(Browser.parse(replay).selectFirst("h1").text()).isEqualTo(FORM_REFUSED);
        assertThat(stored(token)).isEqualTo(afterOriginal);
        assertThat(stored(token).outcome()).isNull();

        HttpResponse<String> withTheNewToken = browser.submit(Browser.parse(original), "form.return-form",
                Map.of("reason", "Грешна сума"));
        assertThat(withTheNewToken.statusCode()).isEqualTo(303);
        assertThat(stored(token).outcome().reason()).isEqualTo("Грешна сума");
    }

    @Test
    void aFormTokenFromOneLinksPageIsRefusedOnAnotherLinkInTheSameBrowser() {
        String linkA = newLink(Language.BG);
        String linkB = newLink(Language.BG);
        Browser browser = browser();
        consentGiven(browser, linkA);
        consentGiven(browser, linkB);
        Document pageOfA = page(browser, linkA);
        Link before = stored(linkB);

        HttpResponse<String> onB = browser.post("/l/" + linkB + "/accept",
                Map.of("_csrf", Browser.formToken(pageOfA)));

        assertThat(onB.statusCode()).isEqualTo(403);
        assertThat(Browser.parse(onB).selectFirst("h1").text()).isEqualTo(FORM_REFUSED);
        assertThat(stored(linkB)).isEqualTo(before);
        HttpResponse<String> onA = browser.submit(pageOfA, "form.accept-form", NO_FIELDS);
        assertThat(onA.statusCode()).as("the token still works on its own link").isEqualTo(303);
        assertThat(stored(linkA).isAccepted()).isTrue();
        assertThat(stored(linkB).isAccepted()).isFalse();
    }

    @Test
    void submittingTheSameFormTwiceIsRefusedTheSecondTime() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document invoice = consentGiven(browser, token);

        HttpResponse<String> first = browser.submit(invoice, "form.accept-form", NO_FIELDS);
        Link afterFirst = stored(token);
        HttpResponse<String> second = browser.submit(invoice, "form.accept-form", NO_FIELDS);

        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(second.statusCode()).isEqualTo(403);
        assertThat(Browser.parse(second).text()).contains("Ако вече сте изпратили този формуляр, отговорът ви е записан.");
        assertThat(stored(token)).isEqualTo(afterFirst);
    }

    @Test
    void fetchingThePagesStyleScriptAndIconLeavesItsFormsValid() {
        String token = newLink(Language.EN);
        Browser browser = browser();
        HttpResponse<String> consent = browser.get("/l/" + token);

        List<HttpResponse<String>> assets = List.of(browser.get("/css/link.css"), browser.get("/js/link.js"),
                browser.get("/favicon.ico"));
        HttpResponse<String> answer = browser.submit(Browser.parse(consent), "form.consent-form",
                Map.of("decision", "give"));

        assertThat(assets).allSatisfy(asset ->
                assertThat(asset.headers().allValues("Set-Cookie")).as("cookies set by " + asset.uri()).isEmpty());
        assertThat(answer.statusCode()).as("the consent form's answer").isEqualTo(303);
        assertThat(Browser.parse(browser.get("/l/" + token)).select("form.accept-form")).isNotEmpty();
    }

    @Test
    void everyAnswerOfTheLinkPagesCarriesTheStrictHeaders() {
        String token = newLink(Language.BG);
        String expired = newLink(Language.BG, Instant.now().minusSeconds(60));
        Browser browser = browser();
        HttpResponse<String> consent = browser.get("/l/" + token);
        browser.submit(Browser.parse(consent), "form.consent-form", Map.of("decision", "give"));
        HttpResponse<String> invoice = browser.get("/l/" + token);

        List<HttpResponse<String>> answers = List.of(consent, invoice,
                browser.get("/l/" + TestSends.newToken()),
                browser.get("/l/" + expired),
                browser.post("/l/" + token + "/accept", NO_FIELDS),
                browser.get("/css/link.css"),
                browser.get("/js/link.js"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 404, 404, 403, 200, 200);
        assertThat(answers).allSatisfy(LinkSafetyIntegrationTest::assertStrictHeaders);
        assertThat(answers.subList(0, 5)).allSatisfy(page -> {
            Document html = Browser.parse(page);
            assertThat(html.select("script:not([src]), style, [style]")).as("inline scripts and styles").isEmpty();
            assertThat(html.getAllElements()).allSatisfy(element -> assertThat(element.attributes().asList())
                    .noneMatch(attribute -> attribute.getKey().startsWith("on")));
            assertThat(page.body()).doesNotContain("<!--");
        });
    }

    @Test
    void tooManyRequestsForOneLinkAreRefusedWith429RetryAfterAndANeutralPage() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        List<HttpResponse<String>> answers = IntStream.range(0, 31).mapToObj(i -> browser.get("/l/" + token)).toList();

        assertThat(answers.subList(0, 30)).extracting(HttpResponse::statusCode).containsOnly(200);
        HttpResponse<String> throttled = answers.get(30);
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).hasValueSatisfying(seconds ->
                assertThat(Integer.parseInt(seconds)).isBetween(1, 60 / PER_TOKEN_REFILL_PER_MINUTE));
        assertStrictHeaders(throttled);
        Document page = Browser.parse(throttled);
        assertThat(page.selectFirst("h1").text()).isEqualTo("Твърде много заявки");
        assertThat(page.text()).contains("Too many requests").doesNotContain(TestSends.TENANT_NAME);
        assertThat(stored(token).history().stream().mapToInt(ActivityEntry::count).sum())
                .as("a refused request records nothing (the 30 fetches are folded into one entry)").isEqualTo(30);
        assertThat(browser.get("/l/" + newLink(Language.BG)).statusCode()).as("other links are not affected")
                .isEqualTo(200);
    }

    @Test
    void aBruteForceOfTenThousandRandomTokensFindsNothingAndIsThrottled() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
        String guesser = "198.51.100.23";

        Map<HttpStatus, Long> answers = new EnumMap<>(HttpStatus.class);
        for (int i = 0; i < 10_000; i++) {
            int status = mvc.perform(get("/l/" + TestSends.newToken())
                            .header("User-Agent", Browser.FIREFOX)
                            .with(request -> {
                                request.setRemoteAddr(guesser);
                                return request;
                            }))
                    .andReturn().getResponse().getStatus();
            answers.merge(HttpStatus.valueOf(status), 1L, Long::sum);
        }

        assertThat(answers.keySet()).containsOnly(HttpStatus.NOT_FOUND, HttpStatus.TOO_MANY_REQUESTS);
        assertThat(answers.get(HttpStatus.NOT_FOUND)).isBetween((long) PER_CLIENT_CAPACITY,
                PER_CLIENT_CAPACITY + 100L);
        assertThat(answers.get(HttpStatus.TOO_MANY_REQUESTS)).isGreaterThanOrEqualTo(10_000L - PER_CLIENT_CAPACITY - 100);
        assertThat(browser().get("/l/" + newLink(Language.BG)).statusCode())
                .as("the guesser's address is throttled, not everyone").isEqualTo(200);
    }

    static void assertStrictHeaders(HttpResponse<?> response) {
        Function<String, String> header = name -> response.headers().firstValue(name).orElse(null);
        assertThat(header.apply("Content-Security-Policy")).isEqualTo(CSP);
        assertThat(header.apply("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(header.apply("X-Frame-Options")).isEqualTo("DENY");
        assertThat(header.apply("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(header.apply("Cache-Control")).contains("no-store");
    }
}
