package com.invoicedelivery.events;

import java.math.BigDecimal;

/** An invoice line as an import row gives it; the amount and VAT are computed by invoice-service. */
public record ImportedLine(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                           BigDecimal vatRate, String vatExemptionReason) {
}
