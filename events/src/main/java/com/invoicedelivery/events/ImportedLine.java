package com.invoicedelivery.events;

import java.math.BigDecimal;

/** An invoice line as an import row gives it; the amount and VAT are computed by invoice-service. */
@Description("An invoice line as an import row gives it; the amount and VAT are computed by invoice-service.")
public record ImportedLine(String description, BigDecimal quantity, @OptionalField String unit, BigDecimal unitPrice,
                           @Description("The VAT rate in percent, e.g. 20.") BigDecimal vatRate,
                           @Description("The legal ground of a 0 % rate (required then).")
                           @OptionalField String vatExemptionReason) {
}
