package com.invoicedelivery.invoice.shared.domain;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Ids computed from what a request says (a name-based UUID), so that the same request made twice names the same
 * documents: the second insert finds the first one's document instead of making another. This is how requests are
 * idempotent without multi-document transactions.
 */
public final class DerivedIds {

    private DerivedIds() {
    }

    /** The same parts give the same id; each part is length-prefixed, so ("ab","c") and ("a","bc") differ. */
    public static String of(String... parts) {
        StringBuilder name = new StringBuilder();
        for (String part : parts) {
            name.append(part.length()).append(':').append(part).append(';');
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }
}
