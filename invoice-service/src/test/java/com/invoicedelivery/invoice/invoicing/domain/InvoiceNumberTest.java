package com.invoicedelivery.invoice.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceNumberTest {

    @Test
    void aPositionOfTheSequenceIsTenDigitsZeroPadded() {
        assertThat(InvoiceNumber.of(1)).isEqualTo("0000000001");
        assertThat(InvoiceNumber.of(42)).isEqualTo("0000000042");
        assertThat(InvoiceNumber.of(InvoiceNumber.MAX)).isEqualTo("9999999999");
        assertThat(InvoiceNumber.sequenceOf("0000000101")).isEqualTo(101);
    }

    @Test
    void theSequenceRunsFromOneToTenNines() {
        assertThatThrownBy(() -> InvoiceNumber.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InvoiceNumber.of(InvoiceNumber.MAX + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000042", "2000000001", "9999999999"})
    void tenDigitsAreANumber(String number) {
        assertThat(InvoiceNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000000000", "000000042", "00000000421", "00000000a2", " 000000042", "-000000042"})
    void anythingElseIsNot(String number) {
        assertThat(InvoiceNumber.isValid(number)).isFalse();
    }
}
