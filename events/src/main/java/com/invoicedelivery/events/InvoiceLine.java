package com.invoicedelivery.events;

import java.math.BigDecimal;

/**
 * One line of an invoice. {@code amount} is quantity × unit price, rounded to cents by the issuer;
 * readers print it, they never recompute it.
 */
public record InvoiceLine(int position, String description, BigDecimal quantity, String unit,
                          BigDecimal unitPrice, BigDecimal vatRate, BigDecimal amount) {
}
