package com.invoicedelivery.invoice.invoicing.domain;

import static com.invoicedelivery.invoice.invoicing.domain.InvoiceLines.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class TotalsTest {

    @Test
    void twoAtOneHundredFiftyAtTwentyPercent() {
        Totals totals = Totals.of(List.of(line("2", "100.50", "20")));

        assertThat(totals.taxBase()).isEqualTo(new BigDecimal("201.00"));
        assertThat(totals.vatAmount()).isEqualTo(new BigDecimal("40.20"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("241.20"));
        assertThat(totals.vat()).containsExactly(
                new VatGroup(new BigDecimal("20"), new BigDecimal("201.00"), new BigDecimal("40.20"), null));
    }

    @Test
    void lineAmountsRoundHalfUpToCents() {
        assertThat(line("3", "0.335", "20").amount()).isEqualTo(new BigDecimal("1.01"));
        assertThat(line("1", "0.125", "20").amount()).isEqualTo(new BigDecimal("0.13"));
        assertThat(line("1", "0.124", "20").amount()).isEqualTo(new BigDecimal("0.12"));
        assertThat(line("12.5", "80", "20").amount()).isEqualTo(new BigDecimal("1000.00"));
    }

    @Test
    void theVatOfARateIsComputedOnceOnItsTaxBaseNotLineByLine() {
        // line by line, 9 % of 0.05 is 0.0045, rounded to 0.00 three times; on the base of 0.15 it is 0.0135 → 0.01
        Totals totals = Totals.of(List.of(line("1", "0.05", "9"), line("1", "0.05", "9"), line("1", "0.05", "9")));

        assertThat(totals.vatAmount()).isEqualTo(new BigDecimal("0.01"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("0.16"));
    }

    @Test
    void eachRateHasItsGroupHighestFirstAndTheTotalsAreTheirSums() {
        InvoiceLine exempt = line("1", "50", "0");
        InvoiceLine otherExempt = new InvoiceLine(4, "Износ", BigDecimal.ONE, null, BigDecimal.TEN, BigDecimal.ZERO,
                "чл. 28 ЗДДС");
        Totals totals = Totals.of(List.of(exempt, line("2", "100.50", "20"), line("3", "0.335", "9"), otherExempt));

        assertThat(totals.vat()).extracting(VatGroup::rate)
                .containsExactly(new BigDecimal("20"), new BigDecimal("9"), new BigDecimal("0"));
        assertThat(totals.vat().get(1).vatAmount()).isEqualTo(new BigDecimal("0.09"));
        assertThat(totals.vat().get(2).taxBase()).isEqualTo(new BigDecimal("60.00"));
        assertThat(totals.vat().get(2).vatAmount()).isEqualTo(new BigDecimal("0.00"));
        assertThat(totals.vat().get(2).exemptionReason()).isEqualTo("чл. 113, ал. 9 ЗДДС; чл. 28 ЗДДС");
        assertThat(totals.taxBase()).isEqualTo(new BigDecimal("262.01"));
        assertThat(totals.vatAmount()).isEqualTo(new BigDecimal("40.29"));
        assertThat(totals.total()).isEqualTo(new BigDecimal("302.30"));
    }
}
