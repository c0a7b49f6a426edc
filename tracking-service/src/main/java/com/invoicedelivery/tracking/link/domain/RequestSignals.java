package com.invoicedelivery.tracking.link.domain;

import java.util.List;
import java.util.Locale;

/**
 * What a request tells about who made it. Mail security scanners and link-preview or prefetch fetchers open
 * links before (or instead of) a person; their fetches are recorded, flagged, and never count as views.
 *
 * @param method    the HTTP method
 * @param userAgent the User-Agent header, may be null
 * @param purpose   a prefetch hint ({@code Sec-Purpose}, {@code Purpose} or {@code X-Moz} header), may be null
 */
public record RequestSignals(String method, String userAgent, String purpose) {

    /** Fragments of the User-Agents of known scanners, preview fetchers and scripts (lower case). */
    private static final List<String> MACHINE_AGENTS = List.of(
            "bot", "crawler", "spider", "preview", "scanner", "safelinks", "proofpoint", "mimecast",
            "barracuda", "symantec", "forcepoint", "trendmicro", "fireeye", "googleimageproxy",
            "microsoft office", "ms-office", "facebookexternalhit", "whatsapp", "python-requests",
            "python-urllib", "curl/", "wget/", "go-http-client", "okhttp", "java-http-client", "apache-httpclient",
            "libwww-perl");

    public boolean suspectedMachine() {
        return "HEAD".equalsIgnoreCase(method) || isPrefetch() || isMachineAgent();
    }

    private boolean isPrefetch() {
        return purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch");
    }

    private boolean isMachineAgent() {
        if (userAgent == null || userAgent.isBlank()) {
            return true;
        }
        String agent = userAgent.toLowerCase(Locale.ROOT);
        return MACHINE_AGENTS.stream().anyMatch(agent::contains);
    }
}
