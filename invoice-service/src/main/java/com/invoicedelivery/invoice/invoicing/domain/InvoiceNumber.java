package com.invoicedelivery.invoice.invoicing.domain;

import java.util.regex.Pattern;

/** Bulgarian invoice numbers: exactly ten digits, the tenant's sequence zero-padded (0000000001 and on). */
public final class InvoiceNumber {

    public static final long MAX = 9_999_999_999L;
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");

    private InvoiceNumber() {
    }

    public static boolean isValid(String number) {
        return number != null && TEN_DIGITS.matcher(number).matches() && sequenceOf(number) > 0;
    }

    /** The number for position {@code sequence} of the tenant's sequence. */
    public static String of(long sequence) {
        if (sequence < 1 || sequence > MAX) {
            throw new IllegalArgumentException("invoice numbers run from 1 to " + MAX + ", not " + sequence);
        }
        return String.format("%010d", sequence);
    }

    public static long sequenceOf(String number) {
        return Long.parseLong(number);
    }
}
