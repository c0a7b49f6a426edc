package com.invoicedelivery.deploy.files;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code promtool check rules}: Prometheus's own reading of a rules file (YAML, PromQL, templates). Debian's package
 * {@code prometheus}, installed by .ci/run; where it is missing the calling test is skipped, except on CI
 * ({@code CI=true}), where it fails.
 */
final class Promtool {

    record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    static void assumeInstalled() {
        boolean installed = onPath("promtool");
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("promtool is missing on CI (.ci/run installs Debian's prometheus)");
        }
        assumeTrue(installed, "promtool (Debian package prometheus)");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code promtool check rules <file>}; bounded to 60 seconds. */
    static Result checkRules(Path rules) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("promtool", "check", "rules", rules.toString())
                .redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("promtool check rules did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
