package com.invoicedelivery.invoice.tenant.domain;

import com.invoicedelivery.invoice.shared.domain.EmailAddress;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.shared.domain.Texts;
import com.invoicedelivery.invoice.shared.domain.Violations;

/**
 * The tenant's company as its invoices print it (the supplier).
 *
 * @param email the company's own address: clients' replies to the invoice e-mails go there
 * @param bank  may be null when the company takes no bank transfers
 */
public record Company(PartyDetails details, String email, BankAccount bank) {

    /** The same company with its texts trimmed; validate the cleaned form. */
    public Company cleaned() {
        return new Company(details == null ? null : details.cleaned(), EmailAddress.canonical(Texts.clean(email)),
                bank == null ? null : bank.cleaned());
    }

    public void validate(Violations violations) {
        if (violations.requirePresent(details, "name")) {
            details.validate(violations, true);
        }
        if (violations.requirePresent(email, "email")) {
            violations.check(EmailAddress.isValid(email), "email", "is not an e-mail address");
        }
        if (bank != null) {
            bank.validate(violations.nested("bank"));
        }
    }
}
