package com.invoicedelivery.invoice.send.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * One recipient's personal link. The token travels only in the send-requested event (to tracking-service, which
 * keeps its hash, and to mail-dispatch, which puts the link in the e-mail); this service keeps only the hash.
 *
 * @param tokenHash the SHA-256 (lower-case hex) of the token's UTF-8 bytes, as tracking-service computes it
 */
public record PersonalLink(String token, String url, String tokenHash) {

    public static String hashOf(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Never prints the token: a link in a log would open the invoice for anyone who reads the log. */
    @Override
    public String toString() {
        return "PersonalLink[tokenHash=" + tokenHash + "]";
    }
}
