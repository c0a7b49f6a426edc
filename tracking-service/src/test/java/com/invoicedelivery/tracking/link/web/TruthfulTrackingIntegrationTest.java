package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.events.ClientActivity;
import com.invoicedelivery.events.ClientActivityRecorded;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.SendDetails;
import com.invoicedelivery.events.Topics;
import com.invoicedelivery.kit.testing.TopicProbe;
import com.invoicedelivery.tracking.Browser;
import com.invoicedelivery.tracking.TestSends;
import com.invoicedelivery.tracking.link.domain.ActivityEntry;
import com.invoicedelivery.tracking.link.domain.Link;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

/** Opened is a fetch, viewed is a person, machines are flagged and never views, every download counts. */
class TruthfulTrackingIntegrationTest extends LinkPagesSupport {

    private static final String SAFE_LINKS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Microsoft SafeLinks";

    @Value("${spring.cloud.stream.kafka.binder.brokers}")
    String brokers;
    @Autowired
    JsonMapper json;

    @Test
    void aPersonsBeaconIsTheViewAndItCountsOnce() {
        String token = consentedLink(Language.BG);
        Browser browser = browser();
        Document invoice = page(browser, token);

        HttpResponse<String> beacon = browser.beacon(invoice);
        HttpResponse<String> again = browser.beacon(invoice);

        assertThat(beacon.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).as("the beacon's token is not spent: the page's forms still work")
                .isEqualTo(204);
        assertThat(stored(token).history()).extracting(ActivityEntry::activity, ActivityEntry::suspectedMachine)
                .containsExactly(tuple(ClientActivity.OPENED, false), tuple(ClientActivity.VIEWED, false));
        assertThat(stored(token).viewedAt()).isNotNull();
        assertThat(browser.submit(invoice, "form.accept-form", NO_FIELDS).statusCode()).isEqualTo(303);
    }

    @Test
    void theBeaconIsAHiddenFormThatTheSameOriginScriptPosts() {
        String token = newLink(Language.EN);
        Browser browser = browser();

        Document consent = page(browser, token);
        Document invoice = consentGiven(browser, token);

        assertThat(consent.select("form#seen-beacon")).as("nothing is recorded before the answer").isEmpty();
        for (Document page : List.of(invoice)) {
            Element beacon = page.selectFirst("form#seen-beacon");
            assertThat(beacon).isNotNull();
            assertThat(beacon.hasAttr("hidden")).isTrue();
            assertThat(beacon.attr("method")).isEqualTo("post");
            assertThat(beacon.attr("action")).isEqualTo("/l/" + token + "/seen");
            assertThat(beacon.select("input[name=_csrf]").attr("value")).isNotBlank();
            assertThat(beacon.select("input[name=load]").attr("value")).as("the page load it comes from")
                    .isEqualTo(stored(token).history().get(0).eventId()); // the later fetches fold into it
            assertThat(page.select("script")).singleElement()
                    .satisfies(script -> assertThat(script.attr("src")).isEqualTo("/js/link.js"))
                    .satisfies(script -> assertThat(script.data()).isEmpty());
        }
        HttpResponse<String> script = browser.get("/js/link.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .contains("javascript"));
        assertThat(script.body()).contains("seen-beacon", "fetch(", "pointerdown", "keydown");
    }

    @Test
    void headRequestsScannersAndPrefetchesAreFlaggedAndNeverCountAsViews() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        assertThat(browser.head("/l/" + token).statusCode()).isEqualTo(200);
        for (String scanner : List.of(SAFE_LINKS, "Proofpoint URL Defense/1.0", "Barracuda Sentinel (EE)",
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", "curl/8.5.0", "python-requests/2.32")) {
            assertThat(browser.get("/l/" + token, scanner).statusCode()).isEqualTo(200);
        }
        assertThat(browser.get("/l/" + token, Map.of("Sec-Purpose", "prefetch")).statusCode()).isEqualTo(200);
        assertThat(browser.get("/l/" + token, Map.of("Purpose", "prefetch")).statusCode()).isEqualTo(200);

        Link link = stored(token);
        assertThat(link.history()).allSatisfy(step -> {
            assertThat(step.activity()).isEqualTo(ClientActivity.OPENED);
            assertThat(step.suspectedMachine()).isTrue();
        });
        assertThat(link.history().stream().mapToInt(ActivityEntry::count).sum()).as("every fetch counted").isEqualTo(9);
        assertThat(link.viewedAt()).isNull();
    }

    @Test
    void aScannerThatRunsTheBeaconIsFlaggedAndLeavesTheViewToThePerson() {
        String token = consentedLink(Language.BG);
        Browser scanner = browser();
        HttpResponse<String> fetched = scanner.get("/l/" + token, SAFE_LINKS);

        HttpResponse<String> scannersBeacon = scanner.post("/l/" + token + "/seen",
                Map.of("_csrf", Browser.formToken(Browser.parse(fetched))), Map.of("User-Agent", SAFE_LINKS));

        assertThat(scannersBeacon.statusCode()).isEqualTo(204);
        assertThat(stored(token).viewedAt()).isNull();
        assertThat(stored(token).history()).extracting(ActivityEntry::activity, ActivityEntry::suspectedMachine)
                .containsExactly(tuple(ClientActivity.OPENED, true), tuple(ClientActivity.VIEWED, true));

        Browser person = browser();
        person.beacon(page(person, token));

        assertThat(stored(token).viewedAt()).isNotNull();
        assertThat(stored(token).history()).filteredOn(step -> step.activity() == ClientActivity.VIEWED)
                .extracting(ActivityEntry::suspectedMachine).containsExactly(true, false);
    }

    @Test
    void aFetchWithinSecondsOfDeliveryIsAScannersEvenWithABrowsersAgent() {
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient("fresh-" + UUID.randomUUID() + "@example.com", token));
        registration.attachDocument(TestSends.documentReady(tenant, send, DOCUMENT, Instant.now()));

        browser().get("/l/" + token);

        assertThat(stored(token).history()).singleElement().satisfies(step -> {
            assertThat(step.activity()).isEqualTo(ClientActivity.OPENED);
            assertThat(step.suspectedMachine()).isTrue();
        });
    }

    @Test
    void aGetNeverChangesStateBeyondRecordingOpened() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        browser.get("/l/" + token);
        browser.get("/l/" + token + "?decision=give");
        List<Integer> postOnly = List.of("consent?decision=give", "accept", "return?reason=x", "seen", "renew").stream()
                .map(path -> browser.get("/l/" + token + "/" + path).statusCode())
                .toList();
        HttpResponse<byte[]> pdfBeforeAccept = browser.download("/l/" + token + "/invoice.pdf");

        assertThat(postOnly).containsOnly(405);
        assertThat(pdfBeforeAccept.statusCode()).isEqualTo(303);
        Link link = stored(token);
        assertThat(link.history()).extracting(ActivityEntry::activity, ActivityEntry::count)
                .containsExactly(tuple(ClientActivity.OPENED, 2));
        assertThat(link.viewedAt()).isNull();
        assertThat(link.outcome()).isNull();
        assertThat(link.renewalRequestedAt()).isNull();
        assertThat(page(browser, token).select("form.consent-form")).as("consent is still due").hasSize(1);
    }

    @Test
    void everyDownloadIsRecordedWithItsTimeAndPublished() {
        PDF_SERVICE.put(DOCUMENT.documentId(), PDF);
        String token = newLink(Language.BG);
        Browser browser = browser();
        browser.submit(consentGiven(browser, token), "form.accept-form", NO_FIELDS);
        Instant before = Instant.now().minusMillis(1);

        try (TopicProbe trackingEvents = new TopicProbe(brokers, Topics.TRACKING_EVENTS)) {
            assertThat(browser.download("/l/" + token + "/invoice.pdf").body()).isEqualTo(PDF);
            assertThat(browser.download("/l/" + token + "/invoice.pdf").body()).isEqualTo(PDF);

            List<ActivityEntry> downloads = stored(token).history().stream()
                    .filter(step -> step.activity() == ClientActivity.DOWNLOADED)
                    .toList();
            assertThat(downloads).hasSize(2).allSatisfy(download -> {
                assertThat(download.at()).isAfter(before).isBeforeOrEqualTo(Instant.now());
                assertThat(download.suspectedMachine()).isFalse();
            });
            String sendId = stored(token).sendId();
            trackingEvents.await(record -> isDownloadOf(record, sendId, downloads.get(1)), Duration.ofSeconds(30));
            List<ClientActivityRecorded> published = trackingEvents.drain(Duration.ZERO).stream()
                    .filter(record -> sendId.equals(record.key()))
                    .map(record -> json.readValue(record.value(), ClientActivityRecorded.class))
                    .filter(event -> event.activity() == ClientActivity.DOWNLOADED)
                    .toList();
            assertThat(published).extracting(ClientActivityRecorded::eventId, ClientActivityRecorded::occurredAt)
                    .containsExactly(tuple(downloads.get(0).eventId(), downloads.get(0).at()),
                            tuple(downloads.get(1).eventId(), downloads.get(1).at()));
        }
    }

    @Test
    void aSandboxThatLoadsThePageRightAfterDeliveryAndRunsItsScriptIsNoView() {
        // headless Chromium with a desktop agent, a second after the e-mail went out; its beacon comes later
        String token = TestSends.newToken();
        SendDetails send = TestSends.linkSend(Language.BG, TestSends.usualExpiry(),
                TestSends.recipient(consentedAddress(), token));
        registration.register(TestSends.sendRequested(tenant, send));
        registration.attachDocument(TestSends.documentReady(tenant, send, DOCUMENT, Instant.now()));
        Browser sandbox = browser();
        Document loaded = page(sandbox, token);

        sandbox.beacon(loaded);

        assertThat(stored(token).viewedAt()).isNull();
        assertThat(stored(token).history()).extracting(ActivityEntry::activity, ActivityEntry::suspectedMachine)
                .containsExactly(tuple(ClientActivity.OPENED, true), tuple(ClientActivity.VIEWED, true));
    }

    @Test
    void aBeaconTheMomentThePageArrivedOrNamingNoPageLoadIsNoViewAndAPersonsLaterClickIs() {
        String token = consentedLink(Language.BG);
        Browser browser = browser();
        Document invoice = page(browser, token);

        browser.beaconAtOnce(invoice);
        browser.post("/l/" + token + "/seen", Map.of("_csrf", Browser.formToken(invoice), "load", "made-up"));
        assertThat(stored(token).viewedAt()).isNull();

        browser.beacon(invoice);

        assertThat(stored(token).viewedAt()).isNotNull();
        assertThat(stored(token).history()).extracting(ActivityEntry::activity, ActivityEntry::suspectedMachine)
                .containsExactly(tuple(ClientActivity.OPENED, false), tuple(ClientActivity.VIEWED, true),
                        tuple(ClientActivity.VIEWED, true), tuple(ClientActivity.VIEWED, false));
    }

    @Test
    void headAndScannerDownloadsAreRecordedFlaggedAndOnlyThePersonsIsNot() {
        PDF_SERVICE.put(DOCUMENT.documentId(), PDF);
        String token = newLink(Language.BG);
        Browser browser = browser();
        browser.submit(consentGiven(browser, token), "form.accept-form", NO_FIELDS);

        assertThat(browser.download("/l/" + token + "/invoice.pdf").statusCode()).isEqualTo(200);
        assertThat(browser.head("/l/" + token + "/invoice.pdf").statusCode()).isEqualTo(200);
        assertThat(browser.get("/l/" + token + "/invoice.pdf", SAFE_LINKS).statusCode()).isEqualTo(200);

        assertThat(stored(token).history()).filteredOn(step -> step.activity() == ClientActivity.DOWNLOADED)
                .extracting(ActivityEntry::suspectedMachine).containsExactly(false, true, true);
    }

    @Test
    void aBurstOfFetchesByOneClientIsOneOpenedEntryWithACountThatTheSenderIsToldOfAsItGrows() {
        String token = newLink(Language.BG);
        Browser browser = browser();

        try (TopicProbe trackingEvents = new TopicProbe(brokers, Topics.TRACKING_EVENTS)) {
            for (int i = 0; i < 25; i++) {
                assertThat(browser.get("/l/" + token).statusCode()).isEqualTo(200);
            }
            browser.get("/l/" + token, "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Safari/604.1");

            List<ActivityEntry> history = stored(token).history();
            assertThat(history).extracting(ActivityEntry::activity, ActivityEntry::count)
                    .as("another client's fetch is an entry of its own")
                    .containsExactly(tuple(ClientActivity.OPENED, 25), tuple(ClientActivity.OPENED, 1));
            String sendId = stored(token).sendId();
            String first = history.get(0).eventId();
            trackingEvents.await(record -> sendId.equals(record.key()) && record.value().contains(history.get(1).eventId()),
                    Duration.ofSeconds(30));
            List<ClientActivityRecorded> published = trackingEvents.drain(Duration.ZERO).stream()
                    .filter(record -> sendId.equals(record.key()))
                    .map(record -> json.readValue(record.value(), ClientActivityRecorded.class))
                    .toList();
            assertThat(published).as("one step per entry").filteredOn(event -> !event.countsAFold())
                    .extracting(ClientActivityRecorded::eventId).containsExactly(first, history.get(1).eventId());
            assertThat(published).as("each repeat announces the first entry's count, in order")
                    .filteredOn(ClientActivityRecorded::countsAFold)
                    .allSatisfy(event -> {
                        assertThat(event.foldedInto()).isEqualTo(first);
                        assertThat(event.activity()).isEqualTo(ClientActivity.OPENED);
                    })
                    .extracting(ClientActivityRecorded::count)
                    .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 25).boxed().toList());
        }
    }

    private static boolean isDownloadOf(ConsumerRecord<String, String> record, String sendId, ActivityEntry step) {
        return sendId.equals(record.key()) && record.value().contains(step.eventId());
    }
}
