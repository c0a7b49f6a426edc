package com.invoicedelivery.invoice.shared.domain;

/** Small rules for the free texts of requests. */
public final class Texts {

    private Texts() {
    }

    public static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    /** The text without surrounding white space; null when there is nothing left. */
    public static String clean(String text) {
        return isBlank(text) ? null : text.strip();
    }

    /** True for a line break or another control character, which would break a header or a one-line field. */
    public static boolean hasControlCharacters(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }
}
