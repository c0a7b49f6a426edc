package com.invoicedelivery.invoice.invoicing.domain;

import java.math.BigDecimal;

import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * One line of an invoice.
 *
 * @param position           1 for the first line
 * @param vatRate            percent: 20, 9 or 0
 * @param vatExemptionReason the legal ground of a 0 % rate (e.g. "чл. 113, ал. 9 ЗДДС"); null otherwise
 */
public record InvoiceLine(int position, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                          BigDecimal vatRate, String vatExemptionReason) {

    private static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000");
    private static final BigDecimal MAX_UNIT_PRICE = new BigDecimal("1000000000000");

    /** Quantity × unit price, in cents. */
    public BigDecimal amount() {
        return Money.cents(quantity.multiply(unitPrice));
    }

    public void validate(Violations violations) {
        violations.requireText(description, "description", 500);
        if (violations.requirePresent(quantity, "quantity")) {
            violations.check(quantity.signum() > 0 && quantity.compareTo(MAX_QUANTITY) < 0, "quantity",
                    "must be more than 0 and less than " + MAX_QUANTITY.toPlainString());
        }
        violations.optionalText(unit, "unit", 20);
        if (violations.requirePresent(unitPrice, "unitPrice")) {
            violations.check(unitPrice.signum() >= 0 && unitPrice.compareTo(MAX_UNIT_PRICE) < 0, "unitPrice",
                    "must be 0 or more and less than " + MAX_UNIT_PRICE.toPlainString());
        }
        if (violations.requirePresent(vatRate, "vatRate")
                && violations.check(VatRates.isAllowed(vatRate), "vatRate", "must be 20, 9 or 0")
                && VatRates.isExempt(vatRate)) {
            violations.requireText(vatExemptionReason, "vatExemptionReason", 200);
        }
    }

    /** The line as stored: texts trimmed, the rate a whole number, an exemption reason only where the rate is 0. */
    public InvoiceLine cleaned() {
        BigDecimal rate = VatRates.normalized(vatRate);
        return new InvoiceLine(position, description.strip(), quantity, Texts.clean(unit), unitPrice, rate,
                VatRates.isExempt(rate) ? vatExemptionReason.strip() : null);
    }
}
