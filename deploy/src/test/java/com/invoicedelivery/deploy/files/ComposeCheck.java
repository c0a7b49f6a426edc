package com.invoicedelivery.deploy.files;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker-compose config}: Compose's own reading of a compose file (schema, types, references between
 * services, interpolation), without a Docker engine. Debian's package {@code docker-compose}, installed by .ci/run;
 * where it is missing the calling test is skipped, except on CI ({@code CI=true}), where it fails.
 */
final class ComposeCheck {

    /** The variables a compose file requires ({@code ${NAME:?...}}), given placeholder values for the check. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");

    record Result(int exitCode, String output) {
    }

    private ComposeCheck() {
    }

    static void assumeInstalled() {
        boolean installed = onPath("docker-compose");
        if (!installed && "true".equals(System.getenv("CI"))) {
            fail("docker-compose is missing on CI (.ci/run installs Debian's docker-compose)");
        }
        assumeTrue(installed, "docker-compose (Debian package docker-compose)");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** Runs {@code docker-compose -f <file> config}; bounded to 60 seconds. */
    static Result config(Path composeFile) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "--ansi", "never", "-f", composeFile.toString(),
                "config").redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        placeholders(Files.readString(composeFile)).forEach(environment::putIfAbsent);
        // the project name from the directory must not depend on where the file is
        environment.put("COMPOSE_PROJECT_NAME", "invoice-delivery");
        Process process = builder.start();
        process.getOutputStream().close();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("docker-compose config did not finish in 60 s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    static Map<String, String> placeholders(String compose) {
        Map<String, String> values = new TreeMap<>();
        Matcher matcher = REQUIRED.matcher(compose);
        while (matcher.find()) {
            values.put(matcher.group(1), "placeholder-" + matcher.group(1).toLowerCase());
        }
        return values;
    }
}
