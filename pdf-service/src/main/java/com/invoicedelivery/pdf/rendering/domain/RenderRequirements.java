package com.invoicedelivery.pdf.rendering.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.InvoiceSnapshotRules;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.VatBreakdown;

/**
 * What an invoice must carry before it can be printed as a Bulgarian tax document, and that its figures are the
 * sums they stand for (lines → tax base per rate → totals; the {@link InvoiceSnapshotRules} invoice-service makes
 * its snapshots by). Checked before rendering, so an invoice that can never be printed is answered at once with
 * every gap named, in words a person reads.
 */
public final class RenderRequirements {

    private final List<String> unmet = new ArrayList<>();

    private RenderRequirements() {
    }

    /** Every requirement the invoice does not meet; empty when it can be printed. */
    public static List<String> unmet(InvoiceSnapshot invoice, Language language) {
        RenderRequirements check = new RenderRequirements();
        check.require(language != null, "the send names no language");
        if (invoice == null) {
            check.unmet.add("the send carries no invoice");
        } else {
            check.document(invoice);
            check.party("supplier", invoice.supplier(), true);
            check.party("recipient", invoice.recipient(), false);
            check.lines(invoice.lines());
            check.vat(invoice.vat());
            check.totals(invoice);
        }
        return List.copyOf(check.unmet);
    }

    /** One sentence for the send's failure, e.g. "the invoice cannot be rendered: it has no lines". */
    public static String reason(List<String> unmet) {
        return "the invoice cannot be rendered: " + String.join("; ", unmet);
    }

    private void document(InvoiceSnapshot invoice) {
        if (blank(invoice.number())) {
            unmet.add("it has no number");
        } else {
            require(InvoiceSnapshotRules.isDocumentNumber(invoice.number()),
                    "its number '" + PrintableText.clean(invoice.number()) + "' is not 10 digits");
        }
        require(invoice.kind() != null, "its document kind is missing");
        require(invoice.issueDate() != null, "it has no issue date");
        require(invoice.taxEventDate() != null, "it has no tax event date");
        require(!blank(invoice.currency()), "it has no currency");
    }

    private void party(String role, Party party, boolean uicRequired) {
        if (party == null) {
            unmet.add("it has no " + role);
            return;
        }
        require(!blank(party.name()), "the " + role + " has no name");
        require(!blank(party.address()), "the " + role + " has no address");
        require(!uicRequired || !blank(party.uic()), "the " + role + " has no UIC (ЕИК)");
    }

    private void lines(List<InvoiceLine> lines) {
        if (lines == null || lines.isEmpty()) {
            unmet.add("it has no lines");
            return;
        }
        for (int index = 0; index < lines.size(); index++) {
            InvoiceLine line = lines.get(index);
            String name = "line " + (index + 1);
            if (line == null) {
                unmet.add(name + " is empty");
                continue;
            }
            require(!blank(line.description()), name + " has no description");
            require(line.quantity() != null, name + " has no quantity");
            require(line.unitPrice() != null, name + " has no unit price");
            money(line.amount(), name + "'s amount");
        }
    }

    private void vat(List<VatBreakdown> rates) {
        if (rates == null || rates.isEmpty()) {
            unmet.add("it has no VAT breakdown");
            return;
        }
        for (VatBreakdown vat : rates) {
            if (vat == null || vat.rate() == null) {
                unmet.add("a VAT breakdown has no rate");
                continue;
            }
            String rate = InvoiceSnapshotRules.percent(vat.rate());
            money(vat.taxBase(), "the tax base at " + rate);
            money(vat.vatAmount(), "the VAT amount at " + rate);
            require(vat.rate().signum() != 0 || !blank(vat.exemptionReason()),
                    "the " + rate + " has no legal ground for the exemption");
        }
    }

    private void totals(InvoiceSnapshot invoice) {
        money(invoice.taxBase(), "the tax base");
        money(invoice.vatAmount(), "the VAT amount");
        money(invoice.total(), "the total");
        // the totals are invoice-service's, printed as they are; a document of record must not print figures
        // that contradict each other
        unmet.addAll(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice));
    }

    private void money(BigDecimal amount, String subject) {
        if (amount == null) {
            unmet.add(subject + " is missing");
        } else {
            require(MoneyRules.hasCents(amount), subject + " (" + amount.toPlainString() + ") has more than 2 decimals");
        }
    }

    private void require(boolean met, String otherwise) {
        if (!met) {
            unmet.add(otherwise);
        }
    }

    private static boolean blank(String text) {
        return PrintableText.clean(text).isEmpty();
    }
}
