package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Clients of link-mode tenants doing what a person does with the e-mail: open the personal link, give consent,
 * accept the invoice, download the PDF (after the scanner window). A step that fails (tracking-service down: no
 * answer, 5xx) is tried again from the link, as a person reloads the page, a bounded number of times.
 */
final class LinkClients {

    private static final int ATTEMPTS = 60;
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(2);
    /** tracking-service takes a download within 10 s of the document being ready for a mail scanner's. */
    private static final Duration SCANNER_WINDOW = Duration.ofSeconds(12);

    /**
     * One client's visit: whether it accepted and downloaded, how many times it had to start again, and how many
     * downloads it began (a download whose answer was lost may still have been recorded: the send may show up to
     * this many, and at least one when the visit is done).
     */
    record Visit(String address, boolean done, int retries, int downloadsBegun, String problem) {
    }

    private final ExecutorService clients = Executors.newFixedThreadPool(2);
    private final List<Visit> visits = Collections.synchronizedList(new ArrayList<>());

    /**
     * Visits {@code count} recipients' links as their messages appear in the sinks (bounded in time).
     *
     * @param dumped  the messages in the sinks so far
     * @param visitor whose addresses are link-mode recipients
     */
    CompletableFuture<Void> start(int count, Supplier<List<SinkDumps.Dumped>> dumped, Predicate<String> visitor,
                                  Duration timeout) {
        return CompletableFuture.runAsync(() -> {
            Set<String> taken = new HashSet<>();
            List<CompletableFuture<Void>> running = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (taken.size() < count && System.nanoTime() < deadline) {
                for (SinkDumps.Dumped message : dumped.get()) {
                    if (taken.size() < count && message.messageId() != null && message.recipient() != null
                            && visitor.test(message.recipient()) && taken.add(message.recipient())) {
                        running.add(CompletableFuture.runAsync(() -> visits.add(visit(message)), clients));
                    }
                }
                Waiting.pause(Duration.ofSeconds(1));
            }
            running.forEach(CompletableFuture::join);
        });
    }

    int visitsDone() {
        return visits.size();
    }

    List<Visit> visits() {
        return List.copyOf(visits);
    }

    private static Visit visit(SinkDumps.Dumped message) {
        String link;
        Instant mailed;
        try {
            link = Mails.link(Mails.parse(Files.readAllBytes(message.file())));
            mailed = Files.getLastModifiedTime(message.file()).toInstant();
        } catch (IOException | RuntimeException | AssertionError e) {
            return new Visit(message.recipient(), false, 0, 0, "no link in the message: " + e);
        }
        String problem = null;
        int downloadsBegun = 0;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                ClientBrowser browser = new ClientBrowser();
                ClientBrowser.Page page = expect200(browser.open(link));
                if (!page.document().select("form[action$=/consent]").isEmpty()) {
                    page = expect200(browser.submit(page, "/consent", Map.of("decision", "give")));
                }
                if (!page.document().select("form[action$=/accept]").isEmpty()) {
                    page = expect200(browser.submit(page, "/accept", Map.of()));
                }
                String pdf = page.document().select("a[href$=invoice.pdf]").attr("href");
                if (pdf.isBlank()) {
                    throw new IllegalStateException("no download link after accepting: " + page.uri());
                }
                Duration since = Duration.between(mailed, Instant.now());
                if (since.compareTo(SCANNER_WINDOW) < 0) {
                    Waiting.pause(SCANNER_WINDOW.minus(since));
                }
                downloadsBegun++;
                browser.download(page.uri().resolve(pdf));
                return new Visit(message.recipient(), true, attempt, downloadsBegun, null);
            } catch (RuntimeException | AssertionError e) {
                problem = e.getMessage();
                Waiting.pause(RETRY_PAUSE);
            }
        }
        return new Visit(message.recipient(), false, ATTEMPTS, downloadsBegun, problem);
    }

    private static ClientBrowser.Page expect200(ClientBrowser.Page page) {
        if (page.status() != 200) {
            throw new IllegalStateException("HTTP " + page.status() + " from " + page.uri());
        }
        return page;
    }

    void close() {
        clients.shutdownNow();
        try {
            clients.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
