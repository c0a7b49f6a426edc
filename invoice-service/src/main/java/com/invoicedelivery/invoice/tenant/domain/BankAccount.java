package com.invoicedelivery.invoice.tenant.domain;

import java.util.Locale;
import java.util.regex.Pattern;

import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/** The account an invoice asks the client to pay into. */
public record BankAccount(String bankName, String iban, String bic) {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?");

    /** The same account with the IBAN's grouping spaces removed and the codes in capitals. */
    public BankAccount cleaned() {
        return new BankAccount(Texts.clean(bankName), code(iban == null ? null : iban.replace(" ", "")), code(bic));
    }

    private static String code(String text) {
        String cleaned = Texts.clean(text);
        return cleaned == null ? null : cleaned.toUpperCase(Locale.ROOT);
    }

    public void validate(Violations violations) {
        violations.requireText(bankName, "bankName", 100);
        if (violations.requirePresent(iban, "iban")) {
            violations.check(IBAN.matcher(iban).matches(), "iban", "is not an IBAN (e.g. BG80BNBG96611020345678)");
        }
        violations.check(bic == null || BIC.matcher(bic).matches(), "bic", "is not a BIC (e.g. BNBGBGSD)");
    }
}
