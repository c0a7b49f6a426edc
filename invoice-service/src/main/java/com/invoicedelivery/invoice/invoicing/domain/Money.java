package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts in cents, rounded half up: the rounding Bulgarian invoices use. */
public final class Money {

    public static final int SCALE = 2;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Money() {
    }

    public static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** {@code rate} percent of {@code base}, in cents. */
    public static BigDecimal percentOf(BigDecimal base, BigDecimal rate) {
        return cents(base.multiply(rate).divide(HUNDRED));
    }

    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(SCALE);
    }
}
