package com.invoicedelivery.pdf.rendering.application;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.invoicedelivery.events.InvoiceSnapshot;
import com.invoicedelivery.events.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The raw render rate of the end-to-end benchmark: pdf-service's production renderer, built as the service builds
 * it ({@link RenderingConfiguration}: the parsed template, the engine with its fonts, the pool of one thread per
 * processor), rendering the very invoices the platform sent, with nothing around it (no Kafka, no store, no HTTP).
 * It runs in its own JVM on pdf-service's jar with the services' JVM options; one caller per processor, as the
 * service's Kafka consumers call it. In this package because the configuration's factory methods are
 * package-private.
 *
 * <p>Arguments: the invoices file (one {@code {"language": …, "invoice": InvoiceSnapshot}} per line), warm-up
 * renders, measured renders, the time limit in seconds. Prints one line {@code RESULT {json}}.
 */
public final class RawRenderRate {

    private RawRenderRate() {
    }

    record Sample(Language language, InvoiceSnapshot invoice) {
    }

    public static void main(String[] args) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        List<Sample> samples = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (!line.isBlank()) {
                JsonNode node = json.readTree(line);
                samples.add(new Sample(Language.valueOf(node.get("language").asText()),
                        json.treeToValue(node.get("invoice"), InvoiceSnapshot.class)));
            }
        }
        int warmUp = Integer.parseInt(args[1]);
        int measured = Integer.parseInt(args[2]);
        Duration limit = Duration.ofSeconds(Long.parseLong(args[3]));
        if (samples.isEmpty()) {
            throw new IllegalArgumentException("no invoices in " + args[0]);
        }

        RenderingProperties defaults = new RenderingProperties(0, 0, Duration.ofSeconds(60));
        RenderingConfiguration configuration = new RenderingConfiguration();
        ExecutorService pool = configuration.renderingPool(defaults);
        InvoicePdfRenderer renderer = configuration.invoicePdfRenderer(configuration.invoiceTemplate(),
                configuration.pdfEngine(), pool, defaults);
        int callers = defaults.threads();
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            Round warm = round(renderer, samples, warmUp, callers, deadline);
            Round round = round(renderer, samples, measured, callers, deadline);
            System.out.printf("RESULT {\"threads\": %d, \"warmUpRenders\": %d, \"renders\": %d, \"seconds\": %.3f,"
                            + " \"rendersPerSecond\": %.2f, \"averagePdfBytes\": %d, \"distinctInvoices\": %d,"
                            + " \"timedOut\": %s}%n",
                    callers, warm.renders(), round.renders(), round.seconds(), round.renders() / round.seconds(),
                    round.renders() == 0 ? 0 : round.bytes() / round.renders(), samples.size(),
                    System.nanoTime() > deadline);
        } finally {
            pool.shutdown();
        }
    }

    private record Round(int renders, double seconds, long bytes) {
    }

    /** {@code count} renders shared by the callers, each taking the next invoice in turn; stops at the deadline. */
    private static Round round(InvoicePdfRenderer renderer, List<Sample> samples, int count, int callers,
                               long deadline) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int t = 0; t < callers; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count && System.nanoTime() < deadline) {
                    Sample sample = samples.get(i % samples.size());
                    bytes.addAndGet(renderer.render(sample.invoice(), sample.language()).length);
                    done.incrementAndGet();
                }
            }, "caller-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Round(done.get(), (System.nanoTime() - started) / 1e9, bytes.get());
    }
}
