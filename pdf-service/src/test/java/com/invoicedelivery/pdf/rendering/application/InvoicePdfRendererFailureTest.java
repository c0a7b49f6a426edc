package com.invoicedelivery.pdf.rendering.application;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.Invoices;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InvoicePdfRendererFailureTest {

    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final PdfEngine engine = mock(PdfEngine.class);
    /** Generous: the first render on a busy machine loads ICU and the template's classes. */
    private final InvoicePdfRenderer renderer = renderer(Duration.ofSeconds(30));

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @Test
    void anEngineErrorIsARenderingException() {
        given(engine.render(any(), any())).willThrow(new IllegalArgumentException("bad layout"));

        assertThatThrownBy(() -> renderer.render(Invoices.invoice(), Language.BG))
                .isInstanceOf(RenderingException.class)
                .hasMessageContaining("0000000123")
                .hasRootCauseMessage("bad layout");
    }

    @Test
    void aLayoutTooDeepForTheStackIsARenderingException() {
        given(engine.render(any(), any())).willThrow(new StackOverflowError());

        assertThatThrownBy(() -> renderer.render(Invoices.invoice(), Language.BG))
                .isInstanceOf(RenderingException.class)
                .hasCauseInstanceOf(StackOverflowError.class);
    }

    @Test
    void theJvmRunningOutOfMemoryIsNotThisInvoicesFault() {
        given(engine.render(any(), any())).willThrow(new OutOfMemoryError("Java heap space"));

        assertThatThrownBy(() -> renderer.render(Invoices.invoice(), Language.BG))
                .isInstanceOf(OutOfMemoryError.class);
    }

    @Test
    void aRenderThatTakesTooLongIsNotARenderingException() {
        given(engine.render(any(), any())).willAnswer(invocation -> {
            Thread.sleep(5_000);
            return new byte[0];
        });

        assertThatThrownBy(() -> renderer(Duration.ofMillis(300)).render(Invoices.invoice(), Language.BG))
                .isInstanceOf(IllegalStateException.class)
                .isNotInstanceOf(RenderingException.class)
                .hasMessageContaining("took longer than");
    }

    private InvoicePdfRenderer renderer(Duration timeout) {
        return new InvoicePdfRenderer(InvoiceTemplate.load(), engine, pool, timeout);
    }
}
