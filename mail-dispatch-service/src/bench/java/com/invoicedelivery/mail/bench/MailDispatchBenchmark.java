package com.invoicedelivery.mail.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.invoicedelivery.events.DocumentRef;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.PreparedEmail;
import com.invoicedelivery.mail.message.domain.MessageIds;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.smtp.messaging.JakartaMailTransport;
import com.invoicedelivery.mail.smtp.messaging.TestTransports;
import com.invoicedelivery.kit.testing.SmtpSink;
import com.invoicedelivery.mail.testdata.TestSends;

/**
 * Messages per second with a 25 KB PDF attached, from this service's SMTP path to Postfix's smtp-sink over 1 and 4
 * connections, beside Postfix's own load generator smtp-source sending messages of the same size to the same sink
 * in the same run. Two variants of ours: "compose + send" does what an attempt does apart from the queue's store
 * writes (fetch the PDF from memory, check its SHA-256, compose the MIME message, hand it over on a kept
 * connection); "send only" hands over messages composed beforehand. smtp-source runs once with a connection per
 * message (its default) and once with connections kept ({@code -d}), which is what our transport does.
 *
 * <p>Arguments: the Markdown report to write, and optionally the number of messages per measurement.
 */
public final class MailDispatchBenchmark {

    private static final int PDF_BYTES = 25 * 1024;
    private static final int WARM_UP = 600;
    /** Each figure is the best of this many measurements, taken in turns, so a burst of load elsewhere on the
     * machine hits one measurement, not one column. */
    private static final int ROUNDS = 3;
    private static final Path SMTP_SOURCE = Path.of("/usr/sbin/smtp-source");

    private final int messages;
    private final SmtpSink sink;
    private final SmtpServer server;
    private final MessageComposer composer;
    private final DocumentRef document;
    private final AtomicInteger sequence = new AtomicInteger();

    private MailDispatchBenchmark(int messages, SmtpSink sink) {
        this.messages = messages;
        this.sink = sink;
        this.server = new SmtpServer(SmtpServer.PLATFORM, "127.0.0.1", sink.port(), SmtpSecurity.NONE, null, null,
                null);
        byte[] pdf = pdf();
        this.composer = new MessageComposer(documentId -> pdf);
        this.document = TestSends.document(pdf);
    }

    public static void main(String[] args) throws Exception {
        Path report = Path.of(args.length > 0 ? args[0] : "target/mail-dispatch-benchmark.md");
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        if (!SmtpSink.installed() || !Files.isExecutable(SMTP_SOURCE)) {
            throw new IllegalStateException("Postfix's smtp-sink and smtp-source are needed (Debian package postfix)");
        }
        String loadBefore = loadAverage();
        try (SmtpSink sink = SmtpSink.startDiscarding()) {
            List<String> rows = new MailDispatchBenchmark(messages, sink).run();
            String text = report(rows, messages, loadBefore, loadAverage());
            System.out.println(text);
            Files.createDirectories(report.toAbsolutePath().getParent());
            Files.writeString(report, text);
        }
    }

    private List<String> run() throws Exception {
        int size = compose().source().length;
        measureOurs(1, true, WARM_UP);
        measureOurs(4, true, WARM_UP);
        List<String> rows = new ArrayList<>();
        rows.add("message size: " + size + " bytes (a " + PDF_BYTES / 1024 + " KB PDF, base64, in multipart/mixed with"
                + " text and HTML); smtp-source sends " + size + "-byte bodies (-l " + size + ")");
        rows.add("");
        rows.add("| connections | ours: compose + send | ours: send only | smtp-source (new connection per message)"
                + " | smtp-source -d (connections kept) | ours ÷ smtp-source | ours ÷ smtp-source -d |");
        rows.add("|---|---|---|---|---|---|---|");
        for (int connections : new int[] {1, 4}) {
            double[] best = new double[4];
            for (int round = 0; round < ROUNDS; round++) {
                best[0] = Math.max(best[0], measureOurs(connections, true, messages));
                best[1] = Math.max(best[1], measureOurs(connections, false, messages));
                best[2] = Math.max(best[2], smtpSource(connections, size, false));
                best[3] = Math.max(best[3], smtpSource(connections, size, true));
            }
            rows.add(String.format(Locale.ROOT,
                    "| %d | %.0f msg/s | %.0f msg/s | %.0f msg/s | %.0f msg/s | %.2f | %.2f |",
                    connections, best[0], best[1], best[2], best[3], best[0] / best[2], best[0] / best[3]));
        }
        return rows;
    }

    /** Messages per second over {@code connections} threads, each with its own kept connection. */
    private double measureOurs(int connections, boolean composeEach, int count) throws Exception {
        PreparedEmail ready = compose();
        AtomicInteger left = new AtomicInteger(count);
        ExecutorService threads = Executors.newFixedThreadPool(connections);
        try (JakartaMailTransport transport = TestTransports.jakartaMail(Duration.ofSeconds(30),
                Clock.systemUTC())) {
            long started = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                workers.add(threads.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        PreparedEmail email = composeEach ? compose() : ready;
                        SmtpOutcome outcome = transport.send(server, email.message());
                        if (!outcome.accepted()) {
                            throw new IllegalStateException("not accepted: " + outcome);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            return count / seconds(System.nanoTime() - started);
        } finally {
            threads.shutdownNow();
        }
    }

    private PreparedEmail compose() {
        int n = sequence.incrementAndGet();
        return composer.compose(TestSends.attachmentEmail("client-" + n + "@beta.example", document), null,
                "invoices@acme.invoicedelivery.local", MessageIds.newMessageId("invoicedelivery.local"),
                Instant.now());
    }

    /** smtp-source's messages per second for the same number of messages, sessions and body size. */
    private double smtpSource(int sessions, int size, boolean keepConnections) throws IOException,
            InterruptedException {
        List<String> command = new ArrayList<>(List.of(SMTP_SOURCE.toString(), "-s", String.valueOf(sessions),
                "-m", String.valueOf(messages), "-l", String.valueOf(size)));
        if (keepConnections) {
            command.add("-d");
        }
        command.add("127.0.0.1:" + sink.port());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("smtp-source failed: " + output);
        }
        return messages / seconds(System.nanoTime() - started);
    }

    /** A PDF-like file of 25 KB: a header, then random bytes, which base64 cannot make smaller than they are. */
    private static byte[] pdf() {
        byte[] pdf = new byte[PDF_BYTES];
        new Random(25).nextBytes(pdf);
        byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, pdf, 0, header.length);
        return pdf;
    }

    private static String report(List<String> rows, int messages, String loadBefore, String loadAfter)
            throws IOException {
        StringBuilder text = new StringBuilder("### Mail dispatch benchmark\n\n");
        text.append(messages).append(" messages per measurement after a warm-up of ").append(WARM_UP)
                .append(" per connection count; each figure the best of ").append(ROUNDS)
                .append(" measurements taken in turns; everything on 127.0.0.1.\n\n");
        rows.forEach(row -> text.append(row).append('\n'));
        text.append("\nmachine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (")
                .append(cpuModel()).append("), Java ").append(System.getProperty("java.version")).append(", ")
                .append(System.getProperty("os.name")).append(' ').append(System.getProperty("os.version"))
                .append("; load average before ").append(loadBefore).append(", after ").append(loadAfter)
                .append('\n');
        return text.toString();
    }

    private static String cpuModel() throws IOException {
        return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
    }

    private static String loadAverage() throws IOException {
        String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return parts[0] + " / " + parts[1] + " / " + parts[2];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
