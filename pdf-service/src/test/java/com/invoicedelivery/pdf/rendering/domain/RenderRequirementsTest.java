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
        VatBreakdown standard = complete.vat().get(0);
        VatBreakdown exempt = complete.vat().get(1);
        InvoiceSnapshot noGround = Invoices.from(complete).vat(List.of(standard,
                new VatBreakdown(new BigDecimal("0.00"), exempt.taxBase(), exempt.vatAmount(), " "))).build();

        assertThat(RenderRequirements.unmet(noGround, Language.BG))
                .containsExactly("the 0% VAT has no legal ground for the exemption");
    }

    @Test
    void theTotalsMustBeTheSumsTheyStandFor() {
        InvoiceSnapshot contradictory = Invoices.from(complete)
                .totals(new BigDecimal("1334.55"), new BigDecimal("246.92"), new BigDecimal("1581.46")).build();

        assertThat(RenderRequirements.unmet(contradictory, Language.EN)).containsExactly(
                "the tax base (1334.55) is not the sum of the tax bases per VAT rate (1334.56)",
                "the VAT amount (246.92) is not the sum of the VAT per rate (246.91)",
                "the total (1581.46) is not the tax base plus the VAT (1581.47)");
    }

    @Test
    void eachRatesTaxBaseMustBeTheSumOfItsLines() {
        InvoiceLine consulting = complete.lines().get(0);
        InvoiceSnapshot tampered = Invoices.withLines(complete, List.of(
                new InvoiceLine(1, consulting.description(), consulting.quantity(), consulting.unit(),
                        consulting.unitPrice(), new BigDecimal("20.00"), new BigDecimal("1234.50")),
                new InvoiceLine(2, "Книга", BigDecimal.ONE, "бр.", BigDecimal.TEN, new BigDecimal("9"), BigDecimal.TEN)));

        assertThat(RenderRequirements.unmet(tampered, Language.BG)).containsExactly(
                "the tax base at 20% VAT (1234.56) is not the sum of its lines' amounts (1234.50)",
                "the tax base at 0% VAT (100.00) is not the sum of its lines' amounts (0)",
                "the lines at 9% VAT have no VAT breakdown");
    }

    @Test
    void equalAmountsWithDifferentScalesAddUp() {
        InvoiceSnapshot scaled = Invoices.from(complete)
                .totals(new BigDecimal("1334.560"), new BigDecimal("246.91"), new BigDecimal("1581.4700")).build();

        assertThat(RenderRequirements.unmet(scaled, Language.BG)).isEmpty();
    }

    @Test
    void aCreditNoteWithNegativeAmountsAddsUpLikeAnyOther() {
        InvoiceSnapshot credit = Invoices.totalling(new BigDecimal("-250.00"));

        assertThat(RenderRequirements.unmet(credit, Language.BG)).isEmpty();
    }

    @Test
    void theVatBreakdownIsRequired() {
        InvoiceSnapshot noVat = new InvoiceSnapshot(complete.number(), complete.kind(), complete.issueDate(),
                complete.taxEventDate(), complete.dueDate(), complete.currency(), complete.supplier(),
                complete.recipient(), complete.lines(), List.of(), complete.taxBase(), complete.vatAmount(),
                complete.total(), complete.paymentMethod(), complete.bank(), true, null);

        assertThat(RenderRequirements.unmet(noVat, Language.BG)).containsExactly("it has no VAT breakdown");
    }

    /** Lines cannot be matched with a breakdown that names no rate: that gap is named, nothing is thrown. */
    @Test
    void aBreakdownWithoutARateIsNamed() {
        VatBreakdown stated = complete.vat().get(0);
        InvoiceSnapshot rateless = new InvoiceSnapshot(complete.number(), complete.kind(), complete.issueDate(),
                complete.taxEventDate(), complete.dueDate(), complete.currency(), complete.supplier(),
                complete.recipient(), complete.lines(),
                List.of(new VatBreakdown(null, stated.taxBase(), stated.vatAmount(), null)), complete.taxBase(),
                complete.vatAmount(), complete.total(), complete.paymentMethod(), complete.bank(), true, null);

        assertThat(RenderRequirements.unmet(rateless, Language.BG)).contains("a VAT breakdown has no rate");
    }
}
