package com.invoicedelivery.events;

import java.math.BigDecimal;

/**
 * Tax base and VAT of one rate.
 *
 * @param exemptionReason the legal ground when the rate is 0 % (e.g. "чл. 113, ал. 9 ЗДДС"), else null
 */
@Description("Tax base and VAT of one rate.")
public record VatBreakdown(@Description("The VAT rate in percent.") BigDecimal rate, BigDecimal taxBase,
                           BigDecimal vatAmount,
                           @Description("The legal ground when the rate is 0 % (e.g. \"чл. 113, ал. 9 ЗДДС\"), else null.")
                           @OptionalField String exemptionReason) {
}
