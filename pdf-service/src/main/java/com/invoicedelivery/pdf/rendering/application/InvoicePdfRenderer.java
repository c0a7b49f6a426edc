package com.invoicedelivery.pdf.rendering.application;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.rendering.domain.InvoicePrinter;
import com.invoicedelivery.pdf.rendering.domain.RenderRequirements;

/**
 * Renders an invoice as a PDF in the send's language, on the bounded rendering pool. The caller waits for the
 * result: a caller cannot start more renders than the pool runs, whatever its own number of threads.
 */
public class InvoicePdfRenderer {

    private final InvoiceTemplate template;
    private final PdfEngine engine;
    private final ExecutorService pool;
    private final Duration timeout;

    public InvoicePdfRenderer(InvoiceTemplate template, PdfEngine engine, ExecutorService pool, Duration timeout) {
        this.template = template;
        this.engine = engine;
        this.pool = pool;
        this.timeout = timeout;
    }

    /**
     * The PDF of an invoice that meets the {@link RenderRequirements}.
     *
     * @throws RenderingException when rendering this invoice fails (it would fail again), whatever the engine threw
     * @throws java.util.concurrent.RejectedExecutionException when the pool's queue is full (try later)
     * @throws IllegalStateException when the render did not finish in time or the caller was interrupted
     */
    public byte[] render(InvoiceSnapshot invoice, Language language) {
        Future<byte[]> pdf = pool.submit(() -> engine.render(template.fill(InvoicePrinter.print(invoice, language)),
                template.baseUrl()));
        try {
            return pdf.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error && !(error instanceof StackOverflowError)) {
                // the JVM itself is in trouble (out of memory, a broken class path): not this invoice's fault
                throw error;
            }
            // a layout too deep for the stack is this invoice's fault like any exception: it would fail again
            throw new RenderingException("rendering invoice " + invoice.number() + " failed", e.getCause());
        } catch (TimeoutException e) {
            pdf.cancel(true);
            throw new IllegalStateException("rendering invoice " + invoice.number() + " took longer than " + timeout, e);
        } catch (InterruptedException e) {
            pdf.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rendering invoice " + invoice.number(), e);
        }
    }
}
