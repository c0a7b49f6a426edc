package com.invoicedelivery.pdf.rendering.application;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import com.invoicedelivery.pdf.testdata.PdfText;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link PdfRenderingBenchmark} on 1 and on 2 threads, measures the PDFs' sizes and the processor time one
 * render costs, and writes a Markdown summary to the console and to the file named by the first argument.
 *
 * <p>The processor time per render is measured besides the throughput because it hardly depends on what else the
 * machine runs: on a shared machine the renders per second drop with the load, the processor time does not.
 *
 * <pre>./mvnw -B -o -pl pdf-service -Pbench test</pre>
 */
public final class PdfRenderingBenchmarkMain {

    private static final int[] THREADS = {1, 2};
    private static final List<String> INVOICES = List.of(BenchmarkInvoices.ONE_PAGE, BenchmarkInvoices.FIVE_PAGES);
    private static final Language LANGUAGE = Language.BG;
    private static final Path LOAD_AVERAGE = Path.of("/proc/loadavg");

    private PdfRenderingBenchmarkMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path report = Path.of(args.length > 0 ? args[0] : "target/pdf-rendering-benchmark.md");
        String loadBefore = loadAverage();
        List<String> lines = new ArrayList<>();
        try (OneThreadRenderer renderer = new OneThreadRenderer()) {
            lines.addAll(sizes(renderer));
            lines.addAll(processorTime(renderer));
        }
        lines.addAll(throughput());
        lines.addAll(0, machine(loadBefore, loadAverage()));
        String markdown = String.join(System.lineSeparator(), lines) + System.lineSeparator();
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, markdown);
        System.out.println();
        System.out.print(markdown);
        System.out.println("(written to " + report.toAbsolutePath() + ")");
    }

    private static List<String> machine(String loadBefore, String loadAfter) {
        return List.of(
                "Machine: " + Runtime.getRuntime().availableProcessors() + " processors, "
                        + System.getProperty("os.name") + " " + System.getProperty("os.arch") + "; Java "
                        + System.getProperty("java.vm.version") + " (" + System.getProperty("java.vm.name") + ")",
                "Load average (1, 5, 15 min) at start: " + loadBefore + "; at end: " + loadAfter,
                "");
    }

    /** One render of each invoice in each language, read back for its page count. */
    private static List<String> sizes(OneThreadRenderer renderer) {
        List<String> lines = new ArrayList<>(List.of("| invoice | language | pages | PDF size |", "|---|---|---:|---:|"));
        for (String invoice : INVOICES) {
            for (Language language : Language.values()) {
                byte[] pdf = renderer.render(BenchmarkInvoices.named(invoice), language);
                lines.add(String.format(Locale.ROOT, "| %s | %s | %d | %,d bytes (%.1f KiB) |", invoice, language,
                        PdfText.pages(pdf).size(), pdf.length, pdf.length / 1024.0));
            }
        }
        lines.add("");
        return lines;
    }

    /** Processor time of the render thread per warm render, and the throughput it allows with every processor busy. */
    private static List<String> processorTime(OneThreadRenderer renderer) {
        int processors = Runtime.getRuntime().availableProcessors();
        List<String> lines = new ArrayList<>(List.of(
                "| invoice | CPU ms per render | wall ms per render | renders/s if all " + processors
                        + " processors render |",
                "|---|---:|---:|---:|"));
        for (String invoice : INVOICES) {
            InvoiceSnapshot snapshot = BenchmarkInvoices.named(invoice);
            int renders = BenchmarkInvoices.ONE_PAGE.equals(invoice) ? 300 : 60;
            renderer.renderTimes(snapshot, renders); // warm-up: let the JIT compile the rendering path
            long cpuBefore = renderer.cpuNanos();
            long wallBefore = System.nanoTime();
            renderer.renderTimes(snapshot, renders);
            double cpuMillis = (renderer.cpuNanos() - cpuBefore) / 1e6 / renders;
            double wallMillis = (System.nanoTime() - wallBefore) / 1e6 / renders;
            lines.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.0f |", invoice, cpuMillis, wallMillis,
                    processors * 1000 / cpuMillis));
        }
        lines.add("");
        return lines;
    }

    private static List<String> throughput() throws RunnerException {
        List<String> lines = new ArrayList<>(List.of(
                "| invoice | threads | renders/s (± 99.9 % CI) | ms per render per thread |", "|---|---:|---:|---:|"));
        for (int threads : THREADS) {
            Collection<RunResult> results = new Runner(new OptionsBuilder()
                    .include(PdfRenderingBenchmark.class.getName())
                    .threads(threads)
                    .build()).run();
            for (RunResult result : results) {
                double perSecond = result.getPrimaryResult().getScore();
                lines.add(String.format(Locale.ROOT, "| %s | %d | %.1f ± %.1f | %.1f |",
                        result.getParams().getParam("invoice"), threads, perSecond,
                        result.getPrimaryResult().getScoreError(), 1000.0 * threads / perSecond));
            }
        }
        return lines;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(LOAD_AVERAGE).trim().split("\\s+");
            return String.join(", ", fields[0], fields[1], fields[2]);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The production renderer on a pool of one thread, whose processor time can therefore be read. */
    private static final class OneThreadRenderer implements AutoCloseable {

        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final ExecutorService pool;
        private final InvoicePdfRenderer renderer;
        private final long renderThreadId;

        OneThreadRenderer() {
            RenderingConfiguration configuration = new RenderingConfiguration();
            RenderingProperties oneThread = new RenderingProperties(1, 0, Duration.ofSeconds(60));
            pool = configuration.renderingPool(oneThread);
            renderer = configuration.invoicePdfRenderer(configuration.invoiceTemplate(), configuration.pdfEngine(),
                    pool, oneThread);
            try {
                renderThreadId = pool.submit(() -> Thread.currentThread().getId()).get();
            } catch (Exception e) {
                throw new IllegalStateException("the render thread did not start", e);
            }
        }

        byte[] render(InvoiceSnapshot invoice, Language language) {
            return renderer.render(invoice, language);
        }

        void renderTimes(InvoiceSnapshot invoice, int times) {
            for (int i = 0; i < times; i++) {
                renderer.render(invoice, LANGUAGE);
            }
        }

        long cpuNanos() {
            return threads.getThreadCpuTime(renderThreadId);
        }

        @Override
        public void close() {
            pool.shutdown();
        }
    }
}
