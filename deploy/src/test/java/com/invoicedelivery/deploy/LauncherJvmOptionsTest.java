package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.kit.testing.NodeTool;
import org.junit.jupiter.api.Test;

/**
 * The launcher's JVM options live in one file, {@code deploy/launcher.jvm-options}, which {@code ./run-local} and the
 * end-to-end benchmark both hand to {@code java} as an argument file: this JVM accepts it, and both use it.
 */
class LauncherJvmOptionsTest {

    private static final Path ROOT = NodeTool.repositoryRoot();

    @Test
    void theJvmStartsWithTheLaunchersOptionsFile() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "@" + ROOT.resolve("deploy/launcher.jvm-options"),
                "-version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("java -version finished").isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    @Test
    void runLocalAndTheBenchmarkStartTheLauncherWithThatFile() throws Exception {
        assertThat(Files.readString(ROOT.resolve("run-local"))).contains("java @deploy/launcher.jvm-options ");
        assertThat(Files.readString(ROOT.resolve("deploy/pom.xml")))
                .contains("<argument>@${project.basedir}/launcher.jvm-options</argument>");
    }
}
