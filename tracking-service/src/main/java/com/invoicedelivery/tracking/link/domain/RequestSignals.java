package com.invoicedelivery.tracking.link.domain;

import java.util.Locale;

/**
 * What a request tells about who made it; {@link MachineSuspicion} judges it.
 *
 * @param method    the HTTP method
 * @param userAgent the User-Agent header, may be null
 * @param purpose   a prefetch hint ({@code Sec-Purpose}, {@code Purpose} or {@code X-Moz} header), may be null
 * @param client    the client's address as the server sees it, may be null; only ever kept hashed
 */
public record RequestSignals(String method, String userAgent, String purpose, String client) {

    public RequestSignals(String method, String userAgent, String purpose) {
        this(method, userAgent, purpose, null);
    }

    public boolean isHead() {
        return "HEAD".equalsIgnoreCase(method);
    }

    /** A fetch of a page or file (GET or HEAD), as opposed to a form or beacon POST. */
    public boolean isFetch() {
        return isHead() || "GET".equalsIgnoreCase(method);
    }

    /** The browser says it fetches ahead of a person's click ({@code Sec-Purpose: prefetch} and the like). */
    public boolean isPrefetch() {
        return purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch");
    }
}
