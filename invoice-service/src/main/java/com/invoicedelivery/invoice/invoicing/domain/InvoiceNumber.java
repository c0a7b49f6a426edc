package com.invoicedelivery.invoice.invoicing.domain;

import com.invoicedelivery.events.InvoiceSnapshotRules;

/** Bulgarian invoice numbers: exactly ten digits, the tenant's sequence zero-padded (0000000001 and on). */
public final class InvoiceNumber {

    public static final long MAX = 9_999_999_999L;

    private InvoiceNumber() {
    }

    public static boolean isValid(String number) {
        // ten digits is the snapshot's rule, which pdf-service checks too; not all zeros is the sequence's
        return InvoiceSnapshotRules.isDocumentNumber(number) && sequenceOf(number) > 0;
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
