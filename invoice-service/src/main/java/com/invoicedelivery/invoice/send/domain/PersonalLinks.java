package com.invoicedelivery.invoice.send.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import com.invoicedelivery.events.SealedLinkContent;

/**
 * Makes personal links: 256 random bits per token, URL-safe, under tracking-service's {@code /l/} pages. The token
 * leaves here only hashed and, inside the link, sealed for mail-dispatch-service.
 */
public final class PersonalLinks {

    private static final int TOKEN_BYTES = 32;
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final SecureRandom random;
    private final String baseUrl;
    private final Duration validity;
    private final LinkSealing sealing;

    /**
     * @param baseUrl  where tracking-service's pages are, e.g. {@code https://invoices.example.com}
     * @param validity how long a link works after it was sent
     * @param sealing  seals each link for mail-dispatch-service
     */
    public PersonalLinks(SecureRandom random, String baseUrl, Duration validity, LinkSealing sealing) {
        this.random = random;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
        this.sealing = sealing;
    }

    /** A new link for one recipient of one send, sealed with its owner named (so it is mailed to no one else). */
    public PersonalLink issue(String tenantId, String sendId, String recipientId) {
        byte[] bits = new byte[TOKEN_BYTES];
        random.nextBytes(bits);
        String token = URL_SAFE.encodeToString(bits);
        String sealed = sealing.seal(new SealedLinkContent(tenantId, sendId, recipientId, baseUrl + "/l/" + token));
        return new PersonalLink(PersonalLink.hashOf(token), sealed);
    }

    /** When a link sent at {@code sentAt} stops working: after the tenant's days, or the platform's default. */
    public Instant expiresAt(Instant sentAt, Integer tenantValidityDays) {
        return sentAt.plus(tenantValidityDays == null ? validity : Duration.ofDays(tenantValidityDays));
    }
}
