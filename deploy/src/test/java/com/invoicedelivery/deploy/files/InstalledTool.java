package com.invoicedelivery.deploy.files;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A checker from Debian that the deployment files' tests run (docker-compose, promtool): .ci/run installs it; where
 * it is missing the calling test is skipped, except on CI ({@code CI=true}), where it fails, so CI never passes
 * without having checked.
 */
public final class InstalledTool {

    public record Result(int exitCode, String output) {
    }

    private InstalledTool() {
    }

    public static void assumeInstalled(String command, String debianPackage) {
        boolean installed = onPath(command);
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail(command + " is missing on CI (.ci/run installs Debian's " + debianPackage + ")");
        }
        assumeTrue(installed, command + " (Debian package " + debianPackage + ")");
    }

    /** Runs the prepared command with its output and errors together; bounded to 60 seconds. */
    public static Result run(ProcessBuilder command) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command.command()) + " did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
