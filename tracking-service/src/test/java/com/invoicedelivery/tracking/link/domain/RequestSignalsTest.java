package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestSignalsTest {

    @ParameterizedTest
    @ValueSource(strings = {"GET", "get", "HEAD"})
    void getAndHeadAreFetches(String method) {
        assertThat(new RequestSignals(method, "agent", null).isFetch()).isTrue();
    }

    @Test
    void aPostIsNotAFetch() {
        assertThat(new RequestSignals("POST", "agent", null).isFetch()).isFalse();
        assertThat(new RequestSignals("POST", "agent", null).isHead()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"prefetch", "prefetch;prerender", "Prefetch"})
    void prefetchHintsAreRecognised(String purpose) {
        assertThat(new RequestSignals("GET", "agent", purpose).isPrefetch()).isTrue();
    }

    @Test
    void noHintIsNoPrefetch() {
        assertThat(new RequestSignals("GET", "agent", null).isPrefetch()).isFalse();
        assertThat(new RequestSignals("GET", "agent", "prerender").isPrefetch()).isFalse();
    }
}
