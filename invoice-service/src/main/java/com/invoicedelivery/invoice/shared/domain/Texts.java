package com.invoicedelivery.invoice.shared.domain;

/** Small rules for the free texts of requests. */
public final class Texts {

    /** Ids of the caller's things (invoices, clients, batches) are short; a longer one names nothing. */
    public static final int MAX_ID_LENGTH = 100;

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

    /**
     * True for a bidirectional formatting character (an embedding, override or isolate, U+202A–U+202E and
     * U+2066–U+2069): it makes a name or a subject read differently from what it says ("Trojan Source").
     */
    public static boolean hasBidiControls(String text) {
        return text != null
                && text.chars().anyMatch(c -> c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069);
    }

    /** The text on one line: each control character (a line break, a tab) becomes a space. */
    public static String oneLine(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /** True for a control character other than a line break or a tab, which has no place in a letter. */
    public static boolean hasControlCharactersBesidesLineBreaks(String text) {
        return text != null && text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t');
    }
}
