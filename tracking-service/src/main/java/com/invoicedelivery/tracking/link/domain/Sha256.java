package com.invoicedelivery.tracking.link.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex, the form the platform uses for token hashes and document hashes alike. */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares two hex hashes without caring about letter case. */
    public static boolean same(String expectedHex, byte[] bytes) {
        return expectedHex != null && expectedHex.equalsIgnoreCase(hex(bytes));
    }
}
