package com.invoicedelivery.pdf.rendering.domain;

import java.math.BigDecimal;

/** What makes a number a printable amount of money. */
final class MoneyRules {

    private MoneyRules() {
    }

    /** True when the amount is whole cents: printing it with two decimals rounds nothing. */
    static boolean hasCents(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2;
    }
}
