package com.invoicedelivery.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the bearer tokens this service has verified, so a token presented again (a user's browser polling its
 * sends, another service fetching one document after the other) is not verified again: the RS256 check was the
 * largest part of a request's CPU (docs/PERFORMANCE.md). A token is remembered only once the decoder Boot built
 * accepted it (signature, issuer, audience, times: {@link PlatformTokenRules}), by its exact text, and only until
 * it expires or {@link #LONGEST} has passed, whichever comes first: after that the decoder decides again. The
 * longest is that of Spring's own cache of the identity provider's keys, so a key withdrawn there stops the
 * tokens it signed here no later than it would have without this. Thread-safe.
 */
public final class RememberedTokens implements JwtDecoder {

    /** Tokens remembered at most (a few hundred users and services at once; the least recently used go first). */
    static final int KEPT = 1_000;

    /** How long a token is remembered at most. */
    static final Duration LONGEST = Duration.ofMinutes(5);

    private final JwtDecoder verifier;
    private final Clock clock;
    private final Map<String, Remembered> remembered = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
            return size() > KEPT;
        }
    };

    private record Remembered(Jwt jwt, Instant until) {
    }

    /** @param verifier what checks a token not remembered (Boot's decoder, with the platform's rules) */
    public RememberedTokens(JwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = clock.instant();
        synchronized (remembered) {
            Remembered known = remembered.get(token);
            if (known != null) {
                if (now.isBefore(known.until())) {
                    return known.jwt();
                }
                remembered.remove(token);
            }
        }
        Jwt verified = verifier.decode(token); // throws for a token it refuses: nothing is remembered then
        Instant until = now.plus(LONGEST);
        if (verified.getExpiresAt() != null && verified.getExpiresAt().isBefore(until)) {
            until = verified.getExpiresAt();
        }
        if (now.isBefore(until)) {
            synchronized (remembered) {
                remembered.put(token, new Remembered(verified, until));
            }
        }
        return verified;
    }
}
