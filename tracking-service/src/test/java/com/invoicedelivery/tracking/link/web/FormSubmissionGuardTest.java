package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.mock.web.MockHttpServletRequest;

class FormSubmissionGuardTest {

    @ParameterizedTest(name = "Sec-Fetch-Site={0}, Origin={1}: cross-site={2}")
    @CsvSource(nullValues = "-", value = {
            "same-origin, -,                               false",
            "none,        -,                               false",
            "-,           -,                               false",
            "-,           https://links.example.com,       false",
            "-,           https://links.example.com:8443,  false",
            "cross-site,  -,                               true",
            "same-site,   -,                               true",
            "cross-site,  https://links.example.com,       true",
            "-,           https://evil.example,            true",
            "-,           https://links.example.com.evil.example, true",
            "-,           null,                            true",
            "-,           not a url,                       true"})
    void aPostIsCrossSiteWhenTheBrowserSaysSo(String fetchSite, String origin, boolean crossSite) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/l/token/accept");
        request.setServerName("links.example.com");
        Map.of("Sec-Fetch-Site", String.valueOf(fetchSite), "Origin", String.valueOf(origin)).forEach((name, value) -> {
            if (!"null".equals(value) || "Origin".equals(name) && "null".equals(origin)) {
                request.addHeader(name, value);
            }
        });

        assertThat(FormSubmissionGuard.isCrossSite(request)).isEqualTo(crossSite);
    }
}
