package com.invoicedelivery.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceSnapshotRulesTest {

    private static final List<InvoiceLine> LINES = List.of(
            line(1, "20", "100.00"), line(2, "20", "50.50"), line(3, "9", "10.00"));
    private static final List<VatBreakdown> VAT = List.of(
            new VatBreakdown(new BigDecimal("20"), new BigDecimal("150.50"), new BigDecimal("30.10"), null),
            new VatBreakdown(new BigDecimal("9"), new BigDecimal("10.00"), new BigDecimal("0.90"), null));

    @Test
    void aDocumentNumberIsExactlyTenDigits() {
        assertThat(InvoiceSnapshotRules.isDocumentNumber("0000000042")).isTrue();
        assertThat(InvoiceSnapshotRules.isDocumentNumber("0000000000")).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "42", "000000042", "00000000042", "00000000a2", " 0000000042", "０００００００００４"})
    void anythingElseIsNoDocumentNumber(String number) {
        assertThat(InvoiceSnapshotRules.isDocumentNumber(number)).isFalse();
    }

    @Test
    void figuresThatAreTheirSumsAddUp() {
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(LINES, VAT, "160.50", "31.00", "191.50"))).isEmpty();
    }

    @Test
    void equalAmountsWithDifferentScalesAddUp() {
        List<InvoiceLine> lines = List.of(line(1, "20.00", "150.5"), line(2, "9", "10"));
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(lines, VAT, "160.5", "31.0", "191.500"))).isEmpty();
    }

    @Test
    void everyTotalThatIsNotItsSumIsNamed() {
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(LINES, VAT, "160.00", "31.01", "191.50")))
                .containsExactly(
                        "the tax base (160.00) is not the sum of the tax bases per VAT rate (160.50)",
                        "the VAT amount (31.01) is not the sum of the VAT per rate (31.00)",
                        "the total (191.50) is not the tax base plus the VAT (191.01)");
    }

    @Test
    void eachRatesTaxBaseIsTheSumOfItsLinesAndEveryRateOfALineHasABreakdown() {
        List<InvoiceLine> lines = List.of(line(1, "20", "100.00"), line(2, "20", "50.00"), line(3, "0", "10.00"));
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(lines, VAT, "160.50", "31.00", "191.50")))
                .containsExactly(
                        "the tax base at 20% VAT (150.50) is not the sum of its lines' amounts (150.00)",
                        "the tax base at 9% VAT (10.00) is not the sum of its lines' amounts (0)",
                        "the lines at 0% VAT have no VAT breakdown");
    }

    @Test
    void missingFiguresAreLeftToTheCallerToName() {
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(LINES, VAT, "160.50", "31.00", null))).isEmpty();
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(LINES, List.of(), "160.50", "31.00", "191.50")))
                .isEmpty();
        List<VatBreakdown> rateless = List.of(new VatBreakdown(null, new BigDecimal("160.50"), new BigDecimal("31.00"),
                null));
        assertThat(InvoiceSnapshotRules.sumsThatDoNotAddUp(invoice(LINES, rateless, "160.50", "31.00", "191.50")))
                .isEmpty();
    }

    private static InvoiceLine line(int position, String rate, String amount) {
        return new InvoiceLine(position, "Услуга", BigDecimal.ONE, "бр.", new BigDecimal(amount), new BigDecimal(rate),
                new BigDecimal(amount));
    }

    private static InvoiceSnapshot invoice(List<InvoiceLine> lines, List<VatBreakdown> vat, String taxBase,
                                           String vatAmount, String total) {
        return new InvoiceSnapshot("0000000042", DocumentKind.INVOICE, LocalDate.of(2026, 12, 8),
                LocalDate.of(2026, 12, 8), null, "EUR", null, null, lines, vat, amount(taxBase), amount(vatAmount),
                amount(total), null, null, true, null);
    }

    private static BigDecimal amount(String value) {
        return value == null ? null : new BigDecimal(value);
    }
}
