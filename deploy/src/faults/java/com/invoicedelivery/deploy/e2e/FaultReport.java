package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Map;

/**
 * The suite's figures, one table per scenario, appended to {@code faults-result.md} in the build directory as each
 * scenario ends (a later failure keeps the earlier results), for docs/RELIABILITY.md.
 */
final class FaultReport {

    private final Path file;

    FaultReport(Path output) {
        this.file = output.resolve("faults-result.md");
        write("# Fault-injection suite: run of " + Instant.now() + "\n\n", false);
    }

    void scenario(FaultRun.Spec spec, Map<String, Object> figures, boolean passed) {
        StringBuilder text = new StringBuilder();
        text.append("## ").append(spec.title).append(passed ? "" : " — FAILED").append("\n\n")
                .append("Fault: ").append(spec.fault).append("\n\n")
                .append("| invoices accepted | delivered | failed (expected) | lost (must be 0) "
                        + "| duplicates with a new Message-ID (must be 0) | repeats with the same Message-ID "
                        + "| recovery after the fault ends |\n")
                .append("|---|---|---|---|---|---|---|\n")
                .append("| ").append(figures.get("accepted"))
                .append(" | ").append(figures.get("delivered"))
                .append(" | ").append(figures.get("failedExpected"))
                .append(" | ").append(figures.get("lost"))
                .append(" | ").append(figures.get("duplicatesNewMessageId"))
                .append(" | ").append(figures.get("repeatsSameMessageId"))
                .append(" (").append(figures.get("sendsThroughOutcomeUnknown")).append(" sends OUTCOME_UNKNOWN)")
                .append(" | ").append(recovery(figures.get("recoverySecondsAfterFaultEnd"))).append(" |\n\n");
        text.append("<details><summary>all figures</summary>\n\n");
        figures.forEach((key, value) -> text.append("- ").append(key).append(": ").append(value).append("\n"));
        text.append("\n</details>\n\n");
        write(text.toString(), true);
        System.out.println("[faults] " + spec.key + " " + (passed ? "passed" : "FAILED") + ": " + figures);
    }

    private static String recovery(Object seconds) {
        return seconds instanceof Long value && value < 0 ? "—" : seconds + " s";
    }

    private void write(String text, boolean append) {
        try {
            Files.createDirectories(file.getParent());
            if (append) {
                Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } else {
                Files.writeString(file, text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
