package com.invoicedelivery.events;

import java.math.BigDecimal;

/**
 * One line of an invoice. {@code amount} is quantity × unit price, rounded to cents by the issuer;
 * readers print it, they never recompute it.
 */
@Description("One line of an invoice. amount is quantity × unit price, rounded to cents by the issuer: readers print "
        + "it, they never recompute it.")
public record InvoiceLine(@Description("From 1.") int position, String description, BigDecimal quantity,
                          @OptionalField String unit, BigDecimal unitPrice,
                          @Description("The VAT rate in percent, e.g. 20.") BigDecimal vatRate, BigDecimal amount) {
}
