package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.rendering.domain.InvoicePrinter;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.ls.DOMImplementationLS;

class InvoiceTemplateTest {

    private final InvoiceTemplate template = InvoiceTemplate.load();

    @Test
    void oneParsedTemplateFillsManyPagesEachWithItsOwnValues() {
        Document bulgarian = template.fill(InvoicePrinter.print(Invoices.invoice(), Language.BG));
        Document english = template.fill(InvoicePrinter.print(
                Invoices.from(Invoices.invoice()).number("0000000999").build(), Language.EN));
        Document again = template.fill(InvoicePrinter.print(Invoices.invoice(), Language.BG));

        assertThat(text(bulgarian)).contains("ФАКТУРА", "0000000123").doesNotContain("0000000999");
        assertThat(text(english)).contains("INVOICE", "0000000999").doesNotContain("0000000123");
        assertThat(text(again)).isEqualTo(text(bulgarian));
    }

    @Test
    void fillingLeavesNoMarkerInThePage() {
        Document page = template.fill(InvoicePrinter.print(Invoices.longInvoice(3), Language.EN));

        assertThat(serialized(page)).contains("0000000123").doesNotContain("data-text", "data-label", "data-if", "data-each");
    }

    @Test
    void aMissingTemplateIsAStartupError() {
        assertThatThrownBy(() -> InvoiceTemplate.load("/no/such/template.xhtml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/no/such/template.xhtml");
    }

    private static String text(Document page) {
        return page.getDocumentElement().getTextContent().replaceAll("\\s+", " ");
    }

    private static String serialized(Document page) {
        DOMImplementationLS ls = (DOMImplementationLS) page.getImplementation().getFeature("LS", "3.0");
        return ls.createLSSerializer().writeToString(page.getDocumentElement());
    }
}
