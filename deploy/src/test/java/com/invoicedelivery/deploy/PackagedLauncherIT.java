package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import com.invoicedelivery.kit.testing.NodeTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar {@code ./run-local} starts ({@code deploy/target/deploy-*-exec.jar}) holds every class the launcher's code
 * needs. Every other test runs the launcher's code on Maven's test classpath, where a library declared for the tests
 * only is present as well: that is how the jar once went out without the MongoDB driver the store's TTL monitor
 * uses, and {@code ./run-local} stopped as the store started. JDK's {@code jdeps} reads the classes' references
 * against the jar's own libraries and names every class it cannot find.
 */
class PackagedLauncherIT {

    private static final Path ROOT = NodeTool.repositoryRoot();

    @Test
    void everyClassTheLaunchersOwnCodeReferencesIsInTheJarRunLocalStarts(@TempDir Path extracted) throws Exception {
        Path jar = launcherJar();
        // Spring Boot's own extraction, as the Dockerfile does it: the launcher's classes in a thin jar, its
        // libraries beside it in lib/
        run(List.of(tool("java"), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                extracted.toString()));
        List<String> ownCode = new ArrayList<>();
        ownCode.add(extracted.resolve(jar.getFileName()).toString());
        try (Stream<Path> libraries = Files.list(extracted.resolve("lib"))) {
            libraries.filter(PackagedLauncherIT::isOurModule)
                    // the kit's configuration is conditional on the classes a service has (Spring's
                    // @ConditionalOnClass): the launcher uses a few of its classes, and the rest may miss theirs
                    .filter(library -> !library.getFileName().toString().startsWith("service-kit-"))
                    .forEach(library -> ownCode.add(library.toString()));
        }
        assertThat(ownCode).as("the launcher's classes, the store's and the identity provider's")
                .anyMatch(path -> path.contains("embedded-store-"))
                .anyMatch(path -> path.contains("identity-provider-"));

        List<String> jdeps = new ArrayList<>(List.of(tool("jdeps"), "--multi-release", "17", "--missing-deps",
                "--class-path", extracted.resolve("lib") + "/*"));
        jdeps.addAll(ownCode);
        String output = run(jdeps);

        assertThat(output.lines().filter(line -> line.contains("not found")))
                .as("classes referenced from %s but not in it", jar.getFileName())
                .isEmpty();
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    /** Runs {@code command} to its end (at most two minutes) and returns what it printed; it must succeed. */
    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }

    private static Path launcherJar() throws IOException {
        try (Stream<Path> jars = Files.list(ROOT.resolve("deploy/target"))) {
            return jars.filter(path -> path.getFileName().toString().matches("deploy-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no deploy/target/deploy-*-exec.jar: it is built in"
                            + " the package phase, before this test"));
        }
    }

    private static boolean isOurModule(Path library) {
        try (ZipFile zip = new ZipFile(library.toFile())) {
            return zip.stream().anyMatch(entry -> entry.getName().startsWith("com/invoicedelivery/"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + library, e);
        }
    }
}
