package com.invoicedelivery.mail.message.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The "relaxed" canonicalization of RFC 6376 (section 3.4.2 and 3.4.4), which survives the re-folding and
 * whitespace changes mail servers make on the way. Works on text where each char is one byte (ISO-8859-1).
 */
public final class DkimCanonicalization {

    static final String CRLF = "\r\n";
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[ \\t]+");
    private static final Pattern FOLDING = Pattern.compile("\\r\\n(?=[ \\t])");

    private DkimCanonicalization() {
    }

    /**
     * One header field: name in lower case, the value unfolded, whitespace runs made one space, no whitespace
     * around the colon or at the end; ends with CRLF.
     *
     * @param field the field as it appears, {@code Name: value}, possibly folded, without its final CRLF
     */
    public static String relaxedHeader(String field) {
        int colon = field.indexOf(':');
        String name = field.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        String value = WHITESPACE_RUN.matcher(FOLDING.matcher(field.substring(colon + 1)).replaceAll(""))
                .replaceAll(" ").strip();
        return name + ":" + value + CRLF;
    }

    /** The body: whitespace runs made one space, none at line ends, no empty lines at the end; ends with CRLF. */
    public static String relaxedBody(String body) {
        String[] lines = body.split(CRLF, -1);
        List<String> canonical = new ArrayList<>(lines.length);
        for (String line : lines) {
            canonical.add(WHITESPACE_RUN.matcher(line).replaceAll(" ").stripTrailing());
        }
        int end = canonical.size();
        while (end > 0 && canonical.get(end - 1).isEmpty()) {
            end--;
        }
        return end == 0 ? "" : String.join(CRLF, canonical.subList(0, end)) + CRLF;
    }

    /** The fields of a header block (folded lines joined to their field), in order, without their CRLFs. */
    public static List<String> fields(String headerBlock) {
        List<String> fields = new ArrayList<>();
        for (String line : headerBlock.split(CRLF)) {
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && !fields.isEmpty()) {
                fields.set(fields.size() - 1, fields.get(fields.size() - 1) + CRLF + line);
            } else {
                fields.add(line);
            }
        }
        return fields;
    }

    /** The name of a field, in lower case. */
    public static String nameOf(String field) {
        return field.substring(0, field.indexOf(':')).strip().toLowerCase(Locale.ROOT);
    }
}
