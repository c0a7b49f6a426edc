package com.invoicedelivery.pdf.rendering.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void markupCharactersStayAsWritten() {
        assertThat(PrintableText.clean(" <b>Tom & \"Jerry\"</b> ")).isEqualTo("<b>Tom & \"Jerry\"</b>");
    }

    @Test
    void charactersXmlCannotHoldAreDropped() {
        assertThat(PrintableText.clean("A\u0000B\u0007C\uFFFE\uD800D\tE\nF")).isEqualTo("ABCD\tE\nF");
    }

    @Test
    void nullIsEmpty() {
        assertThat(PrintableText.clean(null)).isEmpty();
    }

    @Test
    void supplementaryCharactersAreKept() {
        assertThat(PrintableText.clean("ok \uD83D\uDE00")).isEqualTo("ok \uD83D\uDE00");
    }

    @Test
    void fileNamesNameTheKindAndTheNumber() {
        assertThat(DocumentFileName.of(Invoices.invoice(), Language.BG)).isEqualTo("Фактура-0000000123.pdf");
        assertThat(DocumentFileName.of(Invoices.invoice(), Language.EN)).isEqualTo("Invoice-0000000123.pdf");
    }
}
