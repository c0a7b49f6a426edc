package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.rendering.domain.InvoicePrinter;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.Test;
import org.xhtmlrenderer.pdf.ITextFontResolver;

class PdfEngineTest {

    private final PdfEngine engine = new PdfEngine(PdfEngine.DEJAVU_SANS);
    private final InvoiceTemplate template = InvoiceTemplate.load();

    @Test
    void aThreadLoadsTheFontsOnceAndReusesThemForEveryRender() {
        ITextFontResolver first = engine.fontResolver();

        byte[] pdf = engine.render(template.fill(InvoicePrinter.print(Invoices.invoice(), Language.BG)),
                template.baseUrl());

        assertThat(pdf).startsWith("%PDF".getBytes());
        assertThat(engine.fontResolver()).isSameAs(first);
    }

    @Test
    void threadsDoNotShareAFontResolver() throws Exception {
        ITextFontResolver mine = engine.fontResolver();

        ITextFontResolver another = CompletableFuture.supplyAsync(engine::fontResolver).get();

        assertThat(another).isNotNull().isNotSameAs(mine);
    }
}
