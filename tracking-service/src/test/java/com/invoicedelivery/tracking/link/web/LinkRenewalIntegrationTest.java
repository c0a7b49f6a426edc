package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.LinkRenewalRequested;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.messaging.CloudEventHeaders;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.domain.Link;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** Unknown, malformed and expired links look alike; only an expired one offers a fresh link, to its own address. */
class LinkRenewalIntegrationTest extends LinkPagesSupport {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;

    @Test
    void unknownAndMalformedLinksGetTheSameNeutralPageAndAnExpiredOneAddsOnlyTheRenewalOffer() {
        String expired = expiredLink("expired-" + UUID.randomUUID() + "@example.com");
        Browser browser = browser();

        HttpResponse<String> unknown = browser.get("/l/" + TestSends.newToken());
        HttpResponse<String> malformed = browser.get("/l/not-a-token");
        HttpResponse<String> tooLong = browser.get("/l/" + "A".repeat(300));
        HttpResponse<String> expiredPage = browser.get("/l/" + expired);

        assertThat(List.of(unknown.statusCode(), malformed.statusCode(), tooLong.statusCode(), expiredPage.statusCode()))
                .containsOnly(404);
        assertThat(malformed.body()).isEqualTo(unknown.body());
        assertThat(tooLong.body()).isEqualTo(unknown.body());
        assertThat(Browser.parse(unknown).text())
                .contains("Връзката не е валидна или е изтекла")
                .contains("This link is not valid or has expired");
        assertThat(Browser.parse(unknown).select("form")).isEmpty();

        Document offer = Browser.parse(expiredPage);
        assertThat(offer.select("form.renewal-form")).hasSize(2).allSatisfy(form -> {
            assertThat(form.attr("action")).isEqualTo("/l/" + expired + "/renew");
            assertThat(form.select("input[name=email], input[type=email]")).as("no address to choose").isEmpty();
        });
        assertThat(offer.select("form.renewal-form button").eachText())
                .containsExactly("Изпратете ми нова връзка", "E-mail me a fresh link");
        offer.select("form.renewal-form").remove();
        assertThat(offer.html()).isEqualTo(Browser.parse(unknown).html());
        assertThat(stored(expired).history()).isEmpty();
    }

    @Test
    void aFreshLinkIsRequestedOnceAnHourForTheSameAddressOnly() {
        String email = "renew-" + UUID.randomUUID() + "@example.com";
        String token = expiredLink(email);
        Browser browser = browser();

        try (TopicProbe renewals = new TopicProbe(brokers, Topics.LINK_RENEWAL_REQUESTED)) {
            HttpResponse<String> asked = browser.post("/l/" + token + "/renew",
                    Map.of("_csrf", Browser.formToken(expiredPage(browser, token)), "email", "attacker@evil.example"));

            assertThat(asked.statusCode()).isEqualTo(303);
            assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).endsWith("/l/" + token + "/renewal"));
            HttpResponse<String> confirmation = browser.get("/l/" + token + "/renewal");
            assertThat(confirmation.statusCode()).isEqualTo(200);
            assertThat(Browser.parse(confirmation).text())
                    .contains("Нова връзка ще бъде изпратена на адреса, на който е получена предишната.")
                    .contains("A fresh link will be e-mailed to the address the previous one was sent to.")
                    .doesNotContain(email);

            HttpResponse<String> askedAgain = browser.submit(expiredPage(browser, token), "form.renewal-form", NO_FIELDS);
            assertThat(askedAgain.statusCode()).isEqualTo(303);

            Link link = stored(token);
            ConsumerRecord<String, String> record = renewals.await(r -> link.sendId().equals(r.key()), PATIENCE);
            LinkRenewalRequested request = json.readValue(record.value(), LinkRenewalRequested.class);
            assertThat(request.email()).isEqualTo(email);
            assertThat(request.recipientId()).isEqualTo(link.recipientId());
            assertThat(request.invoiceId()).isEqualTo(link.invoiceId());
            assertThat(request.tenantId()).isEqualTo(tenant);
            assertThat(request.occurredAt()).isEqualTo(link.renewalRequestedAt());
            assertThat(TopicProbe.header(record, CloudEventHeaders.TYPE))
                    .isEqualTo("com.invoicedelivery.LinkRenewalRequested");
            assertThat(renewals.drain(Duration.ofSeconds(1))).filteredOn(r -> link.sendId().equals(r.key()))
                    .as("the second request within the hour sends nothing").hasSize(1);
        }
    }

    @Test
    void aWorkingLinkHasNothingToRenew() {
        String token = newLink(Language.BG);
        Browser browser = browser();
        Document consent = page(browser, token);

        HttpResponse<String> asked = browser.post("/l/" + token + "/renew", Map.of("_csrf", Browser.formToken(consent)));
        HttpResponse<String> confirmation = browser.get("/l/" + token + "/renewal");

        assertThat(asked.statusCode()).isEqualTo(303);
        assertThat(asked.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/l/" + token));
        assertThat(confirmation.statusCode()).isEqualTo(303);
        assertThat(stored(token).renewalRequestedAt()).isNull();
    }

    /**
     * An unknown link's page has no form, so no form token is bound to it: a renewal posted there with another
     * link's token is the refused form, whatever the link; asking for its confirmation is the neutral page.
     */
    @Test
    void renewingAnUnknownTokenTellsNothingAboutIt() {
        Browser browser = browser();
        String formToken = Browser.formToken(page(browser, newLink(Language.BG)));
        String unknownToken = TestSends.newToken();

        HttpResponse<String> asked = browser.post("/l/" + unknownToken + "/renew", Map.of("_csrf", formToken));
        HttpResponse<String> confirmation = browser.get("/l/" + unknownToken + "/renewal");

        HttpResponse<String> neutral = browser.get("/l/" + TestSends.newToken());
        assertThat(asked.statusCode()).isEqualTo(403);
        assertThat(Browser.parse(asked).selectFirst("h1").text()).isEqualTo("Формулярът не беше приет");
        assertThat(confirmation.statusCode()).isEqualTo(404);
        assertThat(confirmation.body()).isEqualTo(neutral.body());
    }

    @Test
    void theExpiryComesFromTheSend() {
        Instant chosen = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);

        Link perSend = stored(newLink(Language.BG, chosen));

        assertThat(perSend.expiresAt()).isEqualTo(chosen);
    }

    private String expiredLink(String email) {
        return newLink(Language.BG, Instant.now().minus(1, ChronoUnit.MINUTES), email);
    }

    private static Document expiredPage(Browser browser, String token) {
        HttpResponse<String> response = browser.get("/l/" + token);
        assertThat(response.statusCode()).isEqualTo(404);
        return Browser.parse(response);
    }
}
