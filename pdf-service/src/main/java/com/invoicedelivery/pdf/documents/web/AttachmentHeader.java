package com.invoicedelivery.pdf.documents.web;

import java.nio.charset.StandardCharsets;

import com.ibm.icu.text.Transliterator;

/**
 * The {@code Content-Disposition} of a download (RFC 6266): the UTF-8 file name in {@code filename*} (RFC 5987),
 * and a plain-ASCII transliteration in {@code filename} for the clients that read only that
 * ({@code Фактура-0000000123.pdf} → {@code Faktura-0000000123.pdf}).
 */
final class AttachmentHeader {

    private static final Transliterator TO_ASCII = Transliterator.getInstance("Any-Latin; Latin-ASCII");
    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private AttachmentHeader() {
    }

    static String contentDisposition(String fileName) {
        return "attachment; filename=\"" + asciiFallback(fileName) + "\"; filename*=UTF-8''" + encoded(fileName);
    }

    /** Only letters, digits, '.', '-' and '_': nothing that needs quoting or escaping inside the quotes. */
    static String asciiFallback(String fileName) {
        String latin;
        synchronized (TO_ASCII) {
            latin = TO_ASCII.transliterate(fileName);
        }
        return latin.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** RFC 5987 ext-value: attr-chars as they are, every other UTF-8 byte percent-encoded. */
    static String encoded(String fileName) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isAttrChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isAttrChar(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0;
    }
}
