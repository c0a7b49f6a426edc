package com.invoicedelivery.invoice.send.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.invoicedelivery.kit.digest.Sha256;

/**
 * A hash of what a request asks for (not of its bytes: the order of JSON fields and white space do not matter), kept
 * with its idempotency key to tell "the same request again" from "another request with the same key".
 */
public final class RequestFingerprint {

    private final Sha256.Incremental digest = Sha256.incremental();

    private RequestFingerprint(String operation) {
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
        return digest.hex();
    }
}
