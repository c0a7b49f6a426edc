package com.invoicedelivery.mail.message.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * Signs a composed message with DKIM (RFC 6376): rsa-sha256, relaxed/relaxed, over the headers that say who
 * sent what to whom ({@link #SIGNED_HEADERS}, those present). The DKIM-Signature header goes in front of the
 * message; nothing else changes, so the bytes logged are still the bytes sent.
 */
public final class DkimSigner {

    /**
     * Signed when present. h= names From once more than there are From fields ("over-signing"), so that a second
     * From added on the way breaks the signature.
     */
    static final List<String> SIGNED_HEADERS = List.of("from", "to", "subject", "date", "message-id", "reply-to",
            "mime-version", "content-type", "content-language");

    private static final String HEADER_END = "\r\n\r\n";

    private final String domain;
    private final String selector;
    private final PrivateKey key;

    /**
     * @param domain   the signing domain ({@code d=}); the public key is published at
     *                 {@code <selector>._domainkey.<domain>}
     * @param selector the key's selector ({@code s=})
     */
    public DkimSigner(String domain, String selector, PrivateKey key) {
        this.domain = Objects.requireNonNull(domain, "domain");
        this.selector = Objects.requireNonNull(selector, "selector");
        this.key = Objects.requireNonNull(key, "key");
    }

    /** @return the message with its DKIM-Signature header first */
    public byte[] sign(byte[] source, Instant now) {
        String message = new String(source, StandardCharsets.ISO_8859_1);
        int headerEnd = message.indexOf(HEADER_END);
        if (headerEnd < 0) {
            throw new IllegalArgumentException("the message has no body separator");
        }
        List<String> fields = DkimCanonicalization.fields(message.substring(0, headerEnd));
        String body = message.substring(headerEnd + HEADER_END.length());
        List<String> signed = signedFields(fields);
        String unsigned = "DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + domain + "; s=" + selector
                + ";\r\n\tt=" + now.getEpochSecond() + "; h=" + names(signed) + ";\r\n\tbh="
                + bodyHash(body) + ";\r\n\tb=";
        String header = unsigned + signature(signed, unsigned) + "\r\n";
        return (header + message).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The fields to sign, in the order of {@link #SIGNED_HEADERS}; for a repeated name, the last one. */
    private static List<String> signedFields(List<String> fields) {
        List<String> signed = new ArrayList<>();
        for (String name : SIGNED_HEADERS) {
            for (int i = fields.size() - 1; i >= 0; i--) {
                if (DkimCanonicalization.nameOf(fields.get(i)).equals(name)) {
                    signed.add(fields.get(i));
                    break;
                }
            }
        }
        return signed;
    }

    private static String names(List<String> fields) {
        List<String> names = new ArrayList<>(fields.stream().map(DkimCanonicalization::nameOf).toList());
        names.add("from");
        return String.join(":", names);
    }

    static String bodyHash(String body) {
        byte[] digest = Sha256.digest(DkimCanonicalization.relaxedBody(body).getBytes(StandardCharsets.ISO_8859_1));
        return Base64.getEncoder().encodeToString(digest);
    }

    /**
     * RSA-SHA256 over the signed fields, then the DKIM-Signature field itself with an empty b= and without its
     * final CRLF (RFC 6376, 3.7). The From listed a second time in h= stands for a From that is not there, which
     * contributes nothing.
     */
    private String signature(List<String> signed, String unsignedHeader) {
        StringBuilder data = new StringBuilder();
        signed.forEach(field -> data.append(DkimCanonicalization.relaxedHeader(field)));
        String own = DkimCanonicalization.relaxedHeader(unsignedHeader);
        data.append(own, 0, own.length() - DkimCanonicalization.CRLF.length());
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(key);
            rsa.update(data.toString().getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the DKIM key cannot sign with SHA256withRSA", e);
        }
    }
}
