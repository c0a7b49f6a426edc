package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class MachineSuspicionTest {

    static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    private static final String ANDROID_CUBOT = "Mozilla/5.0 (Linux; Android 10; CUBOT X30) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36";
    private static final String EDGE = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0";

    private static final Instant DELIVERED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant LATER = DELIVERED.plus(Duration.ofHours(2));
    private static final Duration DWELL = Duration.ofSeconds(2);

    private final MachineSuspicion suspicion = new MachineSuspicion(Duration.ofSeconds(10), DWELL, List.of());

    @ParameterizedTest
    @ValueSource(strings = {FIREFOX, IPHONE_SAFARI, ANDROID_CUBOT, EDGE})
    void aBrowserFetchWellAfterDeliveryIsAPerson(String agent) {
        assertThat(suspicion.suspects(get(agent), DELIVERED, LATER)).isFalse();
    }

    @Test
    void aHeadRequestIsAMachineWhateverItsAgent() {
        assertThat(suspicion.suspects(new RequestSignals("HEAD", FIREFOX, null), DELIVERED, LATER)).isTrue();
    }

    /** The scanners and previewers that open links in e-mails before the client does. */
    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Microsoft SafeLinks",
            "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/534+ (KHTML, like Gecko) BingPreview/1.0b",
            "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
            "Proofpoint URL Defense/1.0",
            "Mozilla/5.0 (compatible; Mimecast URL Protect)",
            "Barracuda Sentinel (EE)",
            "Google-Safety",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
            "WhatsApp/2.23.20.0",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/126.0.0.0",
            "curl/8.5.0",
            "Wget/1.21.4",
            "python-requests/2.32.3",
            "Go-http-client/2.0",
            "Java-http-client/17.0.15"})
    void knownScannersPreviewersAndScriptsAreMachines(String agent) {
        assertThat(suspicion.suspects(get(agent), DELIVERED, LATER)).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aRequestWithoutAUserAgentIsAMachine(String agent) {
        assertThat(suspicion.suspects(get(agent), DELIVERED, LATER)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefetch", "prefetch;prerender"})
    void aBrowserPrefetchIsAMachine(String purpose) {
        assertThat(suspicion.suspects(new RequestSignals("GET", FIREFOX, purpose), DELIVERED, LATER)).isTrue();
    }

    @Test
    void aFetchWithinTheWindowAfterDeliveryIsAScanner() {
        assertThat(suspicion.suspects(get(FIREFOX), DELIVERED, DELIVERED)).isTrue();
        assertThat(suspicion.suspects(get(FIREFOX), DELIVERED, DELIVERED.plusMillis(9_999))).isTrue();
        assertThat(suspicion.suspects(get(FIREFOX), DELIVERED, DELIVERED.plusSeconds(10))).isFalse();
    }

    @Test
    void theWindowComesFromConfiguration() {
        MachineSuspicion patient = new MachineSuspicion(Duration.ofMinutes(1), DWELL, List.of());

        assertThat(patient.suspects(get(FIREFOX), DELIVERED, DELIVERED.plusSeconds(30))).isTrue();
        assertThat(patient.suspects(get(FIREFOX), DELIVERED, DELIVERED.plusSeconds(60))).isFalse();
    }

    @Test
    void aPostRightAfterDeliveryIsStillAPerson() {
        // a form post needs the page's token first: the delivery window is about fetches of the link
        assertThat(suspicion.suspects(new RequestSignals("POST", FIREFOX, null), DELIVERED, DELIVERED.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void configurationCanAddUserAgents() {
        MachineSuspicion extended = new MachineSuspicion(Duration.ofSeconds(10), DWELL, List.of(" AcmeScanner ", ""));

        assertThat(extended.suspects(get("Mozilla/5.0 acmescanner/2"), DELIVERED, LATER)).isTrue();
        assertThat(extended.suspects(get(FIREFOX), DELIVERED, LATER)).isFalse();
    }

    @Test
    void theMaintainedListNamesEveryScannerTheIssueNames() {
        assertThat(MachineSuspicion.KNOWN_MACHINE_AGENTS).contains("safelinks", "bingpreview", "proofpoint",
                "mimecast", "barracuda", "google-safety", "googlebot", "slackbot-linkexpanding", "facebookexternalhit",
                "curl/", "wget/", "python-requests");
        assertThat(MachineSuspicion.KNOWN_MACHINE_AGENTS).allSatisfy(fragment ->
                assertThat(fragment).isLowerCase().isNotBlank());
    }

    @Test
    void aBeaconFromAPersonsPageLoadAfterTheDwellAndOutsideTheWindowIsTheView() {
        ActivityEntry load = load(false, LATER);

        assertThat(suspicion.suspectsView(beacon(EDGE), load, DELIVERED, LATER.plus(DWELL))).isFalse();
    }

    @Test
    void aBeaconFromAFlaggedPageLoadIsAMachinesEvenWithABrowsersAgent() {
        // the sandbox: headless Chromium with a desktop agent, loaded a second after delivery, acting later
        ActivityEntry sandboxLoad = load(true, DELIVERED.plusSeconds(1));

        assertThat(suspicion.suspectsView(beacon(EDGE), sandboxLoad, DELIVERED, LATER)).isTrue();
    }

    @Test
    void aBeaconBeforeTheDwellIsAMachines() {
        ActivityEntry load = load(false, LATER);

        assertThat(suspicion.suspectsView(beacon(EDGE), load, DELIVERED, LATER.plus(DWELL).minusMillis(1))).isTrue();
    }

    @Test
    void aBeaconWithinTheDeliveryWindowIsAMachinesWhateverItsLoad() {
        ActivityEntry load = load(false, DELIVERED);

        assertThat(suspicion.suspectsView(beacon(EDGE), load, DELIVERED, DELIVERED.plusSeconds(5))).isTrue();
    }

    @Test
    void aBeaconNamingNoPageLoadOfTheLinkOrFromAScannersAgentIsAMachines() {
        assertThat(suspicion.suspectsView(beacon(EDGE), null, DELIVERED, LATER)).isTrue();
        assertThat(suspicion.suspectsView(beacon("Microsoft SafeLinks"), load(false, DELIVERED), DELIVERED, LATER))
                .isTrue();
    }

    private static ActivityEntry load(boolean suspected, Instant at) {
        return new ActivityEntry("load-1", com.invoicedelivery.events.ClientActivity.OPENED, at, null, suspected,
                "client", 1);
    }

    private static RequestSignals beacon(String agent) {
        return new RequestSignals("POST", agent, null);
    }

    private static RequestSignals get(String agent) {
        return new RequestSignals("GET", agent, null);
    }
}
