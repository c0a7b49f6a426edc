package com.invoicedelivery.kit.money;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.invoicedelivery.events.Language;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AmountInWordsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.01       | нула евро и един цент",
            "1.00       | едно евро",
            "11.11      | единадесет евро и единадесет цента",
            "1000000.00 | един милион евро",
            "2001.20    | две хиляди и едно евро и двадесет цента",
            "1581.47    | хиляда петстотин осемдесет и едно евро и четиридесет и седем цента",
            "21.21      | двадесет и едно евро и двадесет и един цент",
            "2.02       | две евро и два цента",
            "111.00     | сто и единадесет евро",
            "0          | нула евро"})
    void euroInBulgarian(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount), "EUR", Language.BG)).hasValue(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0.01       | zero euros and one cent",
            "1.00       | one euro",
            "11.11      | eleven euros and eleven cents",
            "1000000.00 | one million euros",
            "2001.20    | two thousand and one euros and twenty cents",
            "1581.47    | one thousand five hundred and eighty-one euros and forty-seven cents",
            "21.01      | twenty-one euros and one cent"})
    void euroInEnglish(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount), "EUR", Language.EN)).hasValue(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1.01  | един лев и една стотинка",
            "2.22  | два лева и двадесет и две стотинки",
            "21.11 | двадесет и един лев и единадесет стотинки"})
    void levaInBulgarian(String amount, String words) {
        assertThat(AmountInWords.of(new BigDecimal(amount), "BGN", Language.BG)).hasValue(words);
    }

    @Test
    void aNegativeAmountIsMinus() {
        assertThat(AmountInWords.of(new BigDecimal("-12.50"), "EUR", Language.BG))
                .hasValue("минус дванадесет евро и петдесет цента");
        assertThat(AmountInWords.of(new BigDecimal("-1"), "EUR", Language.EN)).hasValue("minus one euro");
    }

    @Test
    void anUnknownCurrencyHasNoWords() {
        assertThat(AmountInWords.of(BigDecimal.TEN, "USD", Language.BG)).isEmpty();
    }

    /** Every language has words for every currency either has, and its spell-out rule sets exist in ICU. */
    @ParameterizedTest
    @EnumSource(Language.class)
    void everyLanguageWritesEveryKnownCurrencyInWords(Language language) {
        for (String currency : new String[] {"EUR", "BGN"}) {
            assertThat(AmountInWords.of(new BigDecimal("21.01"), currency, language))
                    .hasValueSatisfying(words -> assertThat(words).isNotBlank());
        }
        assertThat(AmountInWords.of(BigDecimal.TEN, "USD", language)).isEmpty();
    }
}
