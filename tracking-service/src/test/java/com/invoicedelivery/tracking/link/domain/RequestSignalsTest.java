package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSignalsTest {

    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String IPHONE_SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
            + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

    @ParameterizedTest
    @ValueSource(strings = {FIREFOX, IPHONE_SAFARI})
    void aBrowserGetIsAPerson(String agent) {
        assertThat(new RequestSignals("GET", agent, null).suspectedMachine()).isFalse();
    }

    @Test
    void aHeadRequestIsAMachineWhateverItsAgent() {
        assertThat(new RequestSignals("HEAD", FIREFOX, null).suspectedMachine()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Microsoft SafeLinks",
            "Barracuda Sentinel (EE)",
            "Mozilla/4.0 (compatible; ms-office; MSOffice 16)",
            "python-requests/2.32.3",
            "curl/8.5.0",
            "Java-http-client/17.0.15"})
    void knownScannersAndScriptsAreMachines(String agent) {
        assertThat(new RequestSignals("GET", agent, null).suspectedMachine()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aRequestWithoutAUserAgentIsAMachine(String agent) {
        assertThat(new RequestSignals("GET", agent, null).suspectedMachine()).isTrue();
    }

    @Test
    void aBrowserPrefetchIsAMachine() {
        assertThat(new RequestSignals("GET", FIREFOX, "prefetch").suspectedMachine()).isTrue();
        assertThat(new RequestSignals("GET", FIREFOX, "prefetch;prerender").suspectedMachine()).isTrue();
    }
}
