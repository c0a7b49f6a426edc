package com.invoicedelivery.mail.dispatch.domain;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Bounce tokens: 130 random bits as 26 characters of RFC 4648 base32 in lower case, so they survive mail servers that
 * fold the local part's case. Unguessable, so a report naming one was written by a server that saw the e-mail.
 */
public final class BounceTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    public static final int LENGTH = 26;
    private static final Pattern FORM = Pattern.compile("[a-z2-7]{" + LENGTH + "}");

    private BounceTokens() {
    }

    public static String next() {
        char[] token = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            token[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(token);
    }

    /** Whether {@code text} (any case) has the form of a token. */
    public static boolean isToken(String text) {
        return text != null && FORM.matcher(text.toLowerCase(Locale.ROOT)).matches();
    }
}
