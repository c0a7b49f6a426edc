package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.invoicedelivery.events.InvoiceLine;
import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.events.Party;
import com.invoicedelivery.events.VatBreakdown;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.Test;

class RenderRequirementsTest {

    private final InvoiceSnapshot complete = Invoices.invoice();

    @Test
    void aCompleteInvoiceMeetsEveryRequirement() {
        assertThat(RenderRequirements.unmet(complete, Language.BG)).isEmpty();
        assertThat(RenderRequirements.unmet(complete, Language.EN)).isEmpty();
    }

    @Test
    void anInvoiceWithoutLinesIsNamedAsSuch() {
        List<String> unmet = RenderRequirements.unmet(Invoices.withLines(complete, List.of()), Language.BG);

        assertThat(unmet).containsExactly("it has no lines");
        assertThat(RenderRequirements.reason(unmet)).isEqualTo("the invoice cannot be rendered: it has no lines");
    }

    @Test
    void everyGapIsListed() {
        InvoiceSnapshot broken = new InvoiceSnapshot("123", null, null, complete.taxEventDate(), null, " ",
                new Party("Акме", "", null, null, null, null, null), new Party(" \u0001", "адрес", null, null, null, null, null),
                complete.lines(), complete.vat(), complete.taxBase(), complete.vatAmount(), null,
                null, null, true, null);

        assertThat(RenderRequirements.unmet(broken, null)).containsExactly(
                "the send names no language",
                "its number '123' is not 10 digits",
                "its document kind is missing",
                "it has no issue date",
                "it has no currency",
                "the supplier has no address",
                "the supplier has no UIC (ЕИК)",
                "the recipient has no name",
                "the total is missing");
    }

    @Test
    void missingPartsOfTheSendAreNamed() {
        assertThat(RenderRequirements.unmet(null, Language.EN)).containsExactly("the send carries no invoice");
        InvoiceSnapshot noNumber = new InvoiceSnapshot(null, complete.kind(), complete.issueDate(),
                complete.taxEventDate(), complete.dueDate(), complete.currency(), complete.supplier(), null,
                complete.lines(), complete.vat(), complete.taxBase(), complete.vatAmount(), complete.total(),
                complete.paymentMethod(), complete.bank(), true, null);
        assertThat(RenderRequirements.unmet(noNumber, Language.EN)).containsExactly("it has no number", "it has no recipient");
    }

    @Test
    void linesNeedTheirPrintedColumnsAndWholeCents() {
        InvoiceSnapshot badLines = Invoices.withLines(complete, List.of(
                new InvoiceLine(1, "", null, "бр.", null, BigDecimal.TEN, null),
                new InvoiceLine(2, "Услуга", BigDecimal.ONE, "бр.", BigDecimal.ONE, BigDecimal.TEN, new BigDecimal("1.005"))));

        assertThat(RenderRequirements.unmet(badLines, Language.BG)).containsExactly(
                "line 1 has no description",
                "line 1 has no quantity",
                "line 1 has no unit price",
                "line 1's amount is missing",
                "line 2's amount (1.005) has more than 2 decimals");
    }

    @Test
    void aZeroRateNeedsTheLegalGroundOfTheExemption() {
        InvoiceSnapshot noGround = new InvoiceSnapshot(complete.number(), complete.kind(), complete.issueDate(),
                complete.taxEventDate(), complete.dueDate(), complete.currency(), complete.supplier(),
                complete.recipient(), complete.lines(),
                List.of(new VatBreakdown(new BigDecimal("0.00"), new BigDecimal("100.00"), BigDecimal.ZERO, " ")),
                complete.taxBase(), complete.vatAmount(), complete.total(), complete.paymentMethod(), complete.bank(),
                true, null);

        assertThat(RenderRequirements.unmet(noGround, Language.BG))
                .containsExactly("the 0% VAT has no legal ground for the exemption");
    }

    @Test
    void theVatBreakdownIsRequired() {
        InvoiceSnapshot noVat = new InvoiceSnapshot(complete.number(), complete.kind(), complete.issueDate(),
                complete.taxEventDate(), complete.dueDate(), complete.currency(), complete.supplier(),
                complete.recipient(), complete.lines(), List.of(), complete.taxBase(), complete.vatAmount(),
                complete.total(), complete.paymentMethod(), complete.bank(), true, null);

        assertThat(RenderRequirements.unmet(noVat, Language.BG)).containsExactly("it has no VAT breakdown");
    }
}
