package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * One recipient's personal link as it leaves this service: the token's hash (for tracking-service, which keeps the
 * link under it, and for this service's send) and the link sealed for mail-dispatch-service, which alone puts it in
 * the e-mail. The token itself exists only while the link is made, in {@link PersonalLinks#issue}.
 *
 * @param tokenHash  the SHA-256 (lower-case hex) of the token's UTF-8 bytes, as tracking-service computes it
 * @param sealedLink the link ({@code <base>/l/<token>}) sealed to mail-dispatch-service's key
 */
public record PersonalLink(String tokenHash, String sealedLink) {

    /** The same function tracking-service uses for a link's id: {@link Sha256#tokenHash}. */
    public static String hashOf(String token) {
        return Sha256.tokenHash(token);
    }
}
