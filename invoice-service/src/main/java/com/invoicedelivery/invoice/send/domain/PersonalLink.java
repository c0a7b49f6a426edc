package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * One recipient's personal link. The token travels only in the send-requested event (to tracking-service, which
 * keeps its hash, and to mail-dispatch, which puts the link in the e-mail); this service keeps only the hash.
 *
 * @param tokenHash the SHA-256 (lower-case hex) of the token's UTF-8 bytes, as tracking-service computes it
 */
public record PersonalLink(String token, String url, String tokenHash) {

    /** The same function tracking-service uses for a link's id: {@link Sha256#tokenHash}. */
    public static String hashOf(String token) {
        return Sha256.tokenHash(token);
    }

    /** Never prints the token: a link in a log would open the invoice for anyone who reads the log. */
    @Override
    public String toString() {
        return "PersonalLink[tokenHash=" + tokenHash + "]";
    }
}
