package com.invoicedelivery.invoice.send.domain;

import java.util.List;

import com.invoicedelivery.invoice.shared.domain.Violations;

/** The invoices a user ticked in the invoice list, for the send preview. */
public record InvoiceSelection(List<String> invoiceIds) {

    public static final int MAX_INVOICES = 500;

    /**
     * The ids trimmed, in the order given (an id given twice is previewed twice).
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming {@code invoiceIds} or {@code invoiceIds[i]}
     */
    public InvoiceSelection validated() {
        Violations violations = new Violations();
        if (violations.check(invoiceIds != null && !invoiceIds.isEmpty(), "invoiceIds", "must list at least one invoice")
                && violations.withinLimit(invoiceIds.size(), MAX_INVOICES, "invoiceIds",
                        "must list at most " + MAX_INVOICES + " invoices per preview")) {
            for (int index = 0; index < invoiceIds.size(); index++) {
                violations.requireId(invoiceIds.get(index), "invoiceIds[" + index + "]");
            }
        }
        violations.throwIfAny();
        return new InvoiceSelection(invoiceIds.stream().map(String::strip).toList());
    }
}
