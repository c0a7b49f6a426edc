package com.invoicedelivery.invoice.send.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/** Makes personal links: 256 random bits per token, URL-safe, under tracking-service's {@code /l/} pages. */
public final class PersonalLinks {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;
    private final String baseUrl;
    private final Duration validity;

    /**
     * @param baseUrl  where tracking-service's pages are, e.g. {@code https://invoices.example.com}
     * @param validity how long a link works after it was sent
     */
    public PersonalLinks(SecureRandom random, String baseUrl, Duration validity) {
        this.random = random;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
    }

    public PersonalLink issue() {
        byte[] bits = new byte[TOKEN_BYTES];
        random.nextBytes(bits);
        String token = URL_SAFE.encodeToString(bits);
        return new PersonalLink(token, baseUrl + "/l/" + token, PersonalLink.hashOf(token));
    }

    /** When a link sent at {@code sentAt} stops working: after the tenant's days, or the platform's default. */
    public Instant expiresAt(Instant sentAt, Integer tenantValidityDays) {
        return sentAt.plus(tenantValidityDays == null ? validity : Duration.ofDays(tenantValidityDays));
    }
}
