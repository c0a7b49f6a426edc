package com.invoicedelivery.pdf.rendering.application;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Warm renders per second of the production rendering path: the invoice printed, the parsed template filled,
 * laid out and written as PDF by {@link InvoicePdfRenderer} on the service's own bounded pool (one thread per
 * processor). JMH's threads are the callers, as the Kafka consumers are in the service: 1 thread measures one
 * render at a time, 2 threads two at once. Run by {@link PdfRenderingBenchmarkMain} (profile {@code bench}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PdfRenderingBenchmark {

    /** The invoice: {@code 1-page} (2 lines), {@code 5-page} (120 lines), see {@link BenchmarkInvoices}. */
    @Param({"1-page", "5-page"})
    public String invoice;

    @Param({"BG"})
    public Language language;

    private ExecutorService pool;
    private InvoicePdfRenderer renderer;
    private InvoiceSnapshot snapshot;

    @Setup(Level.Trial)
    public void startRenderer() {
        RenderingProperties defaults = new RenderingProperties(0, 0, Duration.ofSeconds(60));
        RenderingConfiguration configuration = new RenderingConfiguration();
        pool = configuration.renderingPool(defaults);
        renderer = configuration.invoicePdfRenderer(configuration.invoiceTemplate(), configuration.pdfEngine(), pool,
                defaults);
        snapshot = BenchmarkInvoices.named(invoice);
    }

    @TearDown(Level.Trial)
    public void stopRenderer() {
        pool.shutdown();
    }

    @Benchmark
    public byte[] render() {
        return renderer.render(snapshot, language);
    }
}
