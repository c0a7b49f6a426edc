package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;

/**
 * The tax base and VAT of the lines at one rate.
 *
 * @param exemptionReason the legal ground(s) of a 0 % rate, else null
 */
public record VatGroup(BigDecimal rate, BigDecimal taxBase, BigDecimal vatAmount, String exemptionReason) {
}
