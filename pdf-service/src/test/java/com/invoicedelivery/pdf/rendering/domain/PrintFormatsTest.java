package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PrintFormatsTest {

    private static final PrintFormats BG = PrintFormats.of(Language.BG);
    private static final PrintFormats EN = PrintFormats.of(Language.EN);
    private static final String NBSP = "\u00a0";

    @ParameterizedTest
    @CsvSource(value = {
            "1234.56    | 1 234,56     | 1,234.56",
            "0.01       | 0,01         | 0.01",
            "1          | 1,00         | 1.00",
            "1000000.00 | 1 000 000,00 | 1,000,000.00",
            "-250.5     | -250,50      | -250.50",
            "0.000      | 0,00         | 0.00"}, delimiter = '|')
    void moneyHasTwoDecimalsAndTheLanguagesSeparators(String amount, String bulgarian, String english) {
        assertThat(BG.money(new BigDecimal(amount))).isEqualTo(bulgarian.replace(" ", NBSP));
        assertThat(EN.money(new BigDecimal(amount))).isEqualTo(english);
    }

    @Test
    void moneyIsNeverRounded() {
        assertThatThrownBy(() -> BG.money(new BigDecimal("10.005")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("10.005");
    }

    @Test
    void moneyWithCurrencyKeepsTheCodeOnTheSameLine() {
        assertThat(BG.money(new BigDecimal("1581.47"), "EUR")).isEqualTo("1" + NBSP + "581,47" + NBSP + "EUR");
        assertThat(EN.money(new BigDecimal("1581.47"), "EUR")).isEqualTo("1,581.47" + NBSP + "EUR");
    }

    @ParameterizedTest
    @CsvSource(value = {
            "98.7648 | 98,7648 | 98.7648",
            "100     | 100,00  | 100.00",
            "0.125   | 0,125   | 0.125",
            "5.50000 | 5,50    | 5.50"}, delimiter = '|')
    void unitPricesKeepEveryDecimalGivenButAtLeastTwo(String price, String bulgarian, String english) {
        assertThat(BG.unitPrice(new BigDecimal(price))).isEqualTo(bulgarian);
        assertThat(EN.unitPrice(new BigDecimal(price))).isEqualTo(english);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "1.000 | 1     | 1",
            "12.5  | 12,5  | 12.5",
            "1500  | 1 500 | 1,500",
            "1E+3  | 1 000 | 1,000"}, delimiter = '|')
    void quantitiesArePrintedWithoutTrailingZeros(String quantity, String bulgarian, String english) {
        assertThat(BG.quantity(new BigDecimal(quantity))).isEqualTo(bulgarian.replace(" ", NBSP));
        assertThat(EN.quantity(new BigDecimal(quantity))).isEqualTo(english);
    }

    @Test
    void ratesArePercentages() {
        assertThat(BG.percent(new BigDecimal("20.00"))).isEqualTo("20" + NBSP + "%");
        assertThat(EN.percent(new BigDecimal("9"))).isEqualTo("9%");
        assertThat(EN.percent(BigDecimal.ZERO)).isEqualTo("0%");
    }

    @Test
    void datesFollowTheLanguage() {
        LocalDate date = LocalDate.of(2026, 3, 5);
        assertThat(BG.date(date)).isEqualTo("05.03.2026 г.");
        assertThat(EN.date(date)).isEqualTo("5 March 2026");
    }
}
