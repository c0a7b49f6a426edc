package com.invoicedelivery.deploy.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code promtool check rules}: Prometheus's own reading of a rules file (YAML, PromQL, templates). Debian's package
 * {@code prometheus} ({@link InstalledTool}).
 */
final class Promtool {

    private Promtool() {
    }

    static void assumeInstalled() {
        InstalledTool.assumeInstalled("promtool", "prometheus");
    }

    /** Runs {@code promtool check rules <file>}. */
    static InstalledTool.Result checkRules(Path rules) throws IOException, InterruptedException {
        return InstalledTool.run(new ProcessBuilder("promtool", "check", "rules", rules.toString()));
    }
}
