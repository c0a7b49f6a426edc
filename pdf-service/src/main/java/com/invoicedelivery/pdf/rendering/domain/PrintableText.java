package com.invoicedelivery.pdf.rendering.domain;

/**
 * Text from the invoice made safe to print. The template takes text only as text nodes (never as markup), so no
 * name can break the document; what is removed here are the characters XML cannot hold at all (control
 * characters, lone surrogates, U+FFFE/U+FFFF), which would otherwise print as boxes or break a PDF reader.
 */
public final class PrintableText {

    private PrintableText() {
    }

    /** The text without characters XML 1.0 forbids, trimmed; {@code ""} for null. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(text.length());
        text.codePoints().filter(PrintableText::allowedInXml).forEach(clean::appendCodePoint);
        return clean.toString().strip();
    }

    static boolean allowedInXml(int codePoint) {
        return codePoint == '\t' || codePoint == '\n' || codePoint == '\r'
                || (codePoint >= 0x20 && codePoint <= 0xD7FF)
                || (codePoint >= 0xE000 && codePoint <= 0xFFFD)
                || (codePoint >= 0x10000 && codePoint <= 0x10FFFF);
    }
}
