package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.invoice.suppression.domain.SuppressedAddress;

import java.util.List;

import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.shared.domain.RuleViolation;

/**
 * One invoice of the send preview: the e-mail it would go out with, and why it cannot be sent, if it cannot.
 *
 * @param invoice  null when the tenant has no such invoice
 * @param client   null when the invoice is unknown (or its client is)
 * @param email    null when there is nothing to write it for
 * @param problems empty when the invoice can be sent
 * @param suppressed the recipients on the tenant's suppression list (bounced or complained): a bulk send skips them
 *                   unless the tenant confirms them; they do not make the invoice unsendable
 */
public record SendPreviewItem(String invoiceId, Invoice invoice, Client client, InvoiceEmail email,
                              List<RuleViolation> problems, List<SuppressedAddress> suppressed) {

    public SendPreviewItem {
        problems = List.copyOf(problems);
        suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
    }

    public SendPreviewItem(String invoiceId, Invoice invoice, Client client, InvoiceEmail email,
                           List<RuleViolation> problems) {
        this(invoiceId, invoice, client, email, problems, List.of());
    }

    /** The same item, flagging the recipients among {@code list} (by normalized address). */
    public SendPreviewItem flagging(java.util.Map<String, SuppressedAddress> list) {
        if (email == null || list.isEmpty()) {
            return this;
        }
        List<SuppressedAddress> flagged = email.recipients().stream()
                .map(recipient -> list.get(SuppressedAddress.normalized(recipient)))
                .filter(java.util.Objects::nonNull).toList();
        return new SendPreviewItem(invoiceId, invoice, client, email, problems, flagged);
    }

    public static SendPreviewItem unknown(String invoiceId) {
        return new SendPreviewItem(invoiceId, null, null, null,
                List.of(new RuleViolation("invoiceId", "no invoice of yours has this id")));
    }

    public static SendPreviewItem withoutClient(Invoice invoice) {
        return new SendPreviewItem(invoice.id(), invoice, null, null,
                List.of(new RuleViolation("clientId", "the client of invoice " + invoice.number() + " no longer exists")));
    }

    /** The e-mail {@code invoice} would go out with by default; a Draft is shown with it, but not sendable. */
    public static SendPreviewItem of(Invoice invoice, Client client, InvoiceEmail email) {
        List<RuleViolation> problems = invoice.whyNotSendable()
                .map(reason -> List.of(new RuleViolation("invoiceId", reason)))
                .orElse(List.of());
        return new SendPreviewItem(invoice.id(), invoice, client, email, problems);
    }

    public boolean sendable() {
        return problems.isEmpty();
    }
}
