package com.invoicedelivery.tracking.link.web;

import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition} for a download whose file name may be Cyrillic (RFC 6266 with RFC 8187). */
final class ContentDispositions {

    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private ContentDispositions() {
    }

    /** {@code attachment; filename="<ASCII stand-in>"; filename*=UTF-8''<the name, percent-encoded>}. */
    static String attachment(String fileName) {
        return "attachment; filename=\"" + asciiStandIn(fileName) + "\"; filename*=UTF-8''" + encode(fileName);
    }

    /** For old clients that ignore {@code filename*}: the name with anything outside printable ASCII replaced. */
    private static String asciiStandIn(String fileName) {
        StringBuilder out = new StringBuilder(fileName.length());
        fileName.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? (char) c : '_'));
        return out.toString();
    }

    private static String encode(String fileName) {
        StringBuilder out = new StringBuilder();
        for (byte b : fileName.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (Character.isLetterOrDigit(c) && c < 0x80 || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
