package com.invoicedelivery.invoice.send.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A hash of what a request asks for (not of its bytes: the order of JSON fields and white space do not matter), kept
 * with its idempotency key to tell "the same request again" from "another request with the same key".
 */
public final class RequestFingerprint {

    private final MessageDigest digest;

    private RequestFingerprint(String operation) {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        add(operation);
    }

    /** @param operation what the request does, e.g. "bulk-send": the same key on another operation is another request */
    public static RequestFingerprint of(String operation) {
        return new RequestFingerprint(operation);
    }

    /** Adds a value, length-prefixed so that neighbouring values cannot run into each other; null differs from "". */
    public RequestFingerprint add(String value) {
        String framed = value == null ? "-1:" : value.length() + ":" + value;
        digest.update(framed.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public RequestFingerprint add(List<String> values) {
        if (values == null) {
            return add((String) null);
        }
        add(String.valueOf(values.size()));
        values.forEach(this::add);
        return this;
    }

    public String hex() {
        return HexFormat.of().formatHex(digest.digest());
    }
}
