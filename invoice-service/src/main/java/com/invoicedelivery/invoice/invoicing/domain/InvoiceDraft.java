package com.invoicedelivery.invoice.invoicing.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

import com.invoicedelivery.events.DocumentKind;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * What a user (or an import) asks an invoice to be, before it is one.
 *
 * @param number       ten digits; null for the next number of the tenant's sequence
 * @param kind         null for an invoice
 * @param taxEventDate null for the issue date
 * @param currency     an ISO 4217 code; null for EUR (Bulgaria's currency since 2026)
 */
public record InvoiceDraft(String clientId, String number, DocumentKind kind, LocalDate issueDate,
                           LocalDate taxEventDate, LocalDate dueDate, String currency, String paymentMethod,
                           List<InvoiceLine> lines, String notes) {

    public static final int MAX_LINES = 500;
    public static final String DEFAULT_CURRENCY = "EUR";

    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * The draft with its defaults filled in and its texts trimmed.
     *
     * @throws com.invoicedelivery.invoice.shared.domain.RuleViolationException naming every field that breaks a rule
     */
    public InvoiceDraft validated() {
        Violations violations = new Violations();
        validate(violations);
        violations.throwIfAny();
        return new InvoiceDraft(clientId.strip(), number, kind == null ? DocumentKind.INVOICE : kind, issueDate,
                taxEventDate == null ? issueDate : taxEventDate, dueDate,
                currency == null ? DEFAULT_CURRENCY : currency, Texts.clean(paymentMethod),
                lines.stream().map(InvoiceLine::cleaned).toList(), Texts.clean(notes));
    }

    /** Checks every rule; the field names are relative to {@code violations}, so an import can nest them. */
    public void validate(Violations violations) {
        violations.requireId(clientId, "clientId");
        validateContent(violations);
    }

    /** Checks everything but the client, for an import row that describes its client instead of naming one. */
    public void validateContent(Violations violations) {
        violations.check(number == null || InvoiceNumber.isValid(number), "number",
                "must be 10 digits, e.g. 0000000042, and not all zeros");
        violations.requirePresent(issueDate, "issueDate");
        violations.check(dueDate == null || issueDate == null || !dueDate.isBefore(issueDate), "dueDate",
                "must not be before the issue date");
        violations.check(currency == null || CURRENCY.matcher(currency).matches(), "currency",
                "must be a 3-letter currency code, e.g. EUR");
        violations.optionalText(paymentMethod, "paymentMethod", 100);
        violations.optionalText(notes, "notes", 2000);
        validateLines(violations);
    }

    private void validateLines(Violations violations) {
        if (!violations.check(lines != null && !lines.isEmpty(), "lines", "must hold at least one line")) {
            return;
        }
        if (!violations.withinLimit(lines.size(), MAX_LINES, "lines", "must hold at most " + MAX_LINES + " lines")) {
            return;
        }
        for (int index = 0; index < lines.size(); index++) {
            InvoiceLine line = lines.get(index);
            if (violations.check(line != null, "lines[" + index + "]", "is empty")) {
                line.validate(violations.element("lines", index));
            }
        }
    }
}
