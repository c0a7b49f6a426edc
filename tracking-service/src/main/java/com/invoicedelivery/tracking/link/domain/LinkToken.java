package com.invoicedelivery.tracking.link.domain;

import java.util.Optional;
import java.util.regex.Pattern;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * The secret part of a personal link, as the client presents it. It is never stored or logged: only its
 * {@link #hash()} is, so a leaked database does not open anyone's invoice.
 */
public final class LinkToken {

    /** URL-safe Base64 of at least 128 random bits (22 characters); anything else cannot be one of ours. */
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{22,256}");

    private final String value;

    private LinkToken(String value) {
        this.value = value;
    }

    /** The token, or empty when {@code raw} cannot be a token (which callers answer like an unknown one). */
    public static Optional<LinkToken> parse(String raw) {
        return raw != null && FORMAT.matcher(raw).matches() ? Optional.of(new LinkToken(raw)) : Optional.empty();
    }

    /**
     * The SHA-256 (hex) of the token's UTF-8 bytes: the link's id in storage, and the hash invoice-service keeps
     * (both use {@link Sha256#tokenHash}).
     */
    public String hash() {
        return Sha256.tokenHash(value);
    }

    /** The token itself, for building the link's own URLs; never for storage or logs. */
    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LinkToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "LinkToken[redacted]";
    }
}
