package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The Bulgarian VAT rates an invoice line can carry, in percent: standard, reduced, and exempt. */
public final class VatRates {

    public static final List<BigDecimal> ALLOWED = List.of(BigDecimal.valueOf(20), BigDecimal.valueOf(9), BigDecimal.ZERO);

    private VatRates() {
    }

    public static boolean isAllowed(BigDecimal rate) {
        return rate != null && ALLOWED.stream().anyMatch(allowed -> allowed.compareTo(rate) == 0);
    }

    /** The rate as a whole number ("20.0" becomes 20), so equal rates look and group the same. */
    public static BigDecimal normalized(BigDecimal rate) {
        return rate.setScale(0, RoundingMode.UNNECESSARY);
    }

    public static boolean isExempt(BigDecimal rate) {
        return rate.signum() == 0;
    }
}
