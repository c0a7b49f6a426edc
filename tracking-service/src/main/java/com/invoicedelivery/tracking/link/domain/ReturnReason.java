package com.invoicedelivery.tracking.link.domain;

/**
 * Why the client returns the invoice: required, trimmed, at most {@value #MAX_LENGTH} characters. A reason that
 * shows nothing (only spaces and invisible format characters such as the zero-width space) is missing: the
 * sender would be told the client gave a reason and see none.
 */
public record ReturnReason(String text) {

    public static final int MAX_LENGTH = 1000;

    public ReturnReason {
        if (text == null || invisible(text)) {
            throw new InvalidReturnReasonException(InvalidReturnReasonException.Problem.MISSING);
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidReturnReasonException(InvalidReturnReasonException.Problem.TOO_LONG);
        }
    }

    /**
     * The reason as typed in a form. Browsers send a textarea's line breaks as CRLF while counting them as
     * one character against {@code maxlength}; normalising keeps our limit the one the client saw.
     */
    public static ReturnReason fromForm(String raw) {
        return new ReturnReason(raw == null ? null : raw.replace("\r\n", "\n").replace('\r', '\n').strip());
    }

    /** Whitespace, and format characters (Unicode Cf: U+200B..U+200D, U+2060, U+FEFF, ...), which render as nothing. */
    private static boolean invisible(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT);
    }
}
