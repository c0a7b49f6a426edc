package com.invoicedelivery.tracking.link.domain;

/** Why the client returns the invoice: required, trimmed, at most {@value #MAX_LENGTH} characters. */
public record ReturnReason(String text) {

    public static final int MAX_LENGTH = 1000;

    public ReturnReason {
        if (text == null || text.isBlank()) {
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
}
