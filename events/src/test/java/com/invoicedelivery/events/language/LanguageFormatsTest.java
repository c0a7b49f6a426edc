package com.invoicedelivery.events.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import com.invoicedelivery.events.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LanguageFormatsTest {

    private static final LocalDate DATE = LocalDate.of(2026, 12, 8);

    @Test
    void anEmailWritesTheShortDateAndADocumentPrintsTheDateAsDocumentsDo() {
        assertThat(LanguageFormats.of(Language.BG).shortDate(DATE)).isEqualTo("08.12.2026");
        assertThat(LanguageFormats.of(Language.BG).printedDate(DATE)).isEqualTo("08.12.2026 г.");
        assertThat(LanguageFormats.of(Language.EN).shortDate(DATE)).isEqualTo("8 December 2026");
        assertThat(LanguageFormats.of(Language.EN).printedDate(DATE)).isEqualTo("8 December 2026");
    }

    @Test
    void aPageWritesDatesAndMomentsInDigitsInBothLanguages() {
        ZonedDateTime moment = DATE.atTime(14, 5).atZone(ZoneId.of("Europe/Sofia"));

        for (Language language : Language.values()) {
            assertThat(LanguageFormats.of(language).numericDate(DATE)).as(language.tag()).isEqualTo("08.12.2026");
            assertThat(LanguageFormats.of(language).numericDateTime(moment)).as(language.tag())
                    .isEqualTo("08.12.2026 14:05");
        }
    }

    @Test
    void anAmountInTextIsWrittenAsEachLanguageWritesIt() {
        assertThat(LanguageFormats.of(Language.BG).amountInText(new BigDecimal("-1234567.5"), "EUR"))
                .isEqualTo("-1\u00a0234\u00a0567,50 EUR");
        assertThat(LanguageFormats.of(Language.EN).amountInText(new BigDecimal("1234567.5"), "EUR"))
                .isEqualTo("EUR 1,234,567.50");
    }

    @Test
    void separatorsAreFixedNotTheMachinesAndHandedOutAsACopy() {
        LanguageFormats bulgarian = LanguageFormats.of(Language.BG);
        assertThat(bulgarian.symbols().getDecimalSeparator()).isEqualTo(',');
        assertThat(bulgarian.symbols().getGroupingSeparator()).isEqualTo(LanguageFormats.NO_BREAK_SPACE);
        assertThat(LanguageFormats.of(Language.EN).symbols().getGroupingSeparator()).isEqualTo(',');

        bulgarian.symbols().setDecimalSeparator('.');

        assertThat(bulgarian.symbols().getDecimalSeparator()).isEqualTo(',');
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageHasItsFormats(Language language) {
        assertThat(LanguageFormats.of(language).percentSuffix()).endsWith("%");
        assertThat(LanguageFormats.of(language).shortDate(DATE)).contains("2026");
    }
}
