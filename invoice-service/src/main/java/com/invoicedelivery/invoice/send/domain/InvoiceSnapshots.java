package com.invoicedelivery.invoice.send.domain;

import com.invoicedelivery.events.BankDetails;
import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.invoice.client.domain.Client;
import com.invoicedelivery.invoice.invoicing.domain.Invoice;
import com.invoicedelivery.invoice.invoicing.domain.Totals;
import com.invoicedelivery.invoice.shared.domain.PartyDetails;
import com.invoicedelivery.invoice.tenant.domain.BankAccount;
import com.invoicedelivery.invoice.tenant.domain.Tenant;

/**
 * The invoice as it is sent: everything the PDF and the client page print, with the supplier and recipient as
 * their profiles read now. Later changes to the tenant or the client do not change what was sent.
 */
public final class InvoiceSnapshots {

    private InvoiceSnapshots() {
    }

    public static InvoiceSnapshot of(Invoice invoice, Tenant tenant, Client client) {
        Totals totals = invoice.totals();
        return new InvoiceSnapshot(invoice.number(), invoice.kind(), invoice.issueDate(), invoice.taxEventDate(),
                invoice.dueDate(), invoice.currency(), party(tenant.company().details()), party(client.details()),
                invoice.lines().stream().map(InvoiceSnapshots::line).toList(),
                totals.vat().stream().map(group -> new VatBreakdown(group.rate(), group.taxBase(), group.vatAmount(),
                        group.exemptionReason())).toList(),
                totals.taxBase(), totals.vatAmount(), totals.total(), invoice.paymentMethod(),
                bank(tenant.company().bank()), true, invoice.notes());
    }

    private static Party party(PartyDetails details) {
        return new Party(details.name(), details.address(), details.city(), details.country(), details.uic(),
                details.vatNumber(), details.responsiblePerson());
    }

    private static InvoiceLine line(com.invoicedelivery.invoice.invoicing.domain.InvoiceLine line) {
        return new InvoiceLine(line.position(), line.description(), line.quantity(), line.unit(), line.unitPrice(),
                line.vatRate(), line.amount());
    }

    private static BankDetails bank(BankAccount account) {
        return account == null ? null : new BankDetails(account.bankName(), account.iban(), account.bic());
    }
}
