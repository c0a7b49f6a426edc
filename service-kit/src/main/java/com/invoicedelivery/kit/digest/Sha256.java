package com.invoicedelivery.kit.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The platform's one SHA-256: document hashes, e-mail source hashes, personal-link token hashes, request
 * fingerprints and DKIM body hashes all come from here, so the forms two services must agree on (lower-case hex of
 * the UTF-8 bytes) are written once. Plain Java on purpose: domain classes use it, and they import no framework.
 * It lives in the kit rather than in {@code events}: events are the contract (plain records, no logic) and only
 * carry hashes; the services compute them.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    /** The raw 32-byte digest (for encodings other than hex, e.g. DKIM's base64 body hash). */
    public static byte[] digest(byte[] bytes) {
        return newDigest().digest(bytes);
    }

    /** Lower-case hex, the form events, headers and storage carry. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(digest(bytes));
    }

    /** Lower-case hex of the text's UTF-8 bytes. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The hash of a personal link's token, as invoice-service keeps it and tracking-service uses it for the link's
     * id: both must compute exactly this, or a link invoice-service announced is one tracking-service cannot find.
     */
    public static String tokenHash(String token) {
        return hex(token);
    }

    /** Whether the bytes have the expected hex hash, in either letter case; false for no expectation. */
    public static boolean matches(String expectedHex, byte[] bytes) {
        return expectedHex != null && expectedHex.equalsIgnoreCase(hex(bytes));
    }

    /** A digest fed piece by piece (e.g. a fingerprint of several values), read once at the end. */
    public static Incremental incremental() {
        return new Incremental(newDigest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** A SHA-256 in progress; not thread-safe, like the {@link MessageDigest} it wraps. */
    public static final class Incremental {

        private final MessageDigest digest;

        private Incremental(MessageDigest digest) {
            this.digest = digest;
        }

        public Incremental update(byte[] bytes) {
            digest.update(bytes);
            return this;
        }

        /** Lower-case hex of everything added so far; the digest starts over afterwards. */
        public String hex() {
            return HEX.formatHex(digest.digest());
        }
    }
}
