package com.invoicedelivery.deploy.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code docker-compose config}: Compose's own reading of a compose file (schema, types, references between
 * services, interpolation), without a Docker engine. Debian's package {@code docker-compose} ({@link InstalledTool}).
 */
final class ComposeCheck {

    /** The variables a compose file requires ({@code ${NAME:?...}}), given placeholder values for the check. */
    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z0-9_]+):\\?");

    private ComposeCheck() {
    }

    static void assumeInstalled() {
        InstalledTool.assumeInstalled("docker-compose", "docker-compose");
    }

    /** Runs {@code docker-compose -f <file> config}. */
    static InstalledTool.Result config(Path composeFile) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("docker-compose", "--ansi", "never", "-f", composeFile.toString(),
                "config");
        Map<String, String> environment = builder.environment();
        placeholders(Files.readString(composeFile)).forEach(environment::putIfAbsent);
        // the project name from the directory must not depend on where the file is
        environment.put("COMPOSE_PROJECT_NAME", "invoice-delivery");
        return InstalledTool.run(builder);
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
