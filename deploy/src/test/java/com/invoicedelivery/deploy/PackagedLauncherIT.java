package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
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
    void everyClassTheLaunchersOwnCodeReferencesIsInTheJarRunLocalStarts(@TempDir Path unpacked) throws Exception {
        Path jar = launcherJar();
        unpack(jar, unpacked);
        List<String> ownCode = new ArrayList<>();
        ownCode.add(unpacked.resolve("BOOT-INF/classes").toString());
        try (Stream<Path> libraries = Files.list(unpacked.resolve("BOOT-INF/lib"))) {
            libraries.filter(PackagedLauncherIT::isOurModule)
                    // the kit's configuration is conditional on the classes a service has (Spring's
                    // @ConditionalOnClass): the launcher uses a few of its classes, and the rest may miss theirs
                    .filter(library -> !library.getFileName().toString().startsWith("service-kit-"))
                    .forEach(library -> ownCode.add(library.toString()));
        }
        assertThat(ownCode).as("the launcher's classes, the store's and the identity provider's")
                .anyMatch(path -> path.contains("embedded-store-"))
                .anyMatch(path -> path.contains("identity-provider-"));

        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jdeps").toString(),
                "--multi-release", "17", "--missing-deps",
                "--class-path", unpacked.resolve("BOOT-INF/lib") + "/*"));
        command.addAll(ownCode);
        Process jdeps = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jdeps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(jdeps.waitFor(120, TimeUnit.SECONDS)).as("jdeps finished").isTrue();
        assertThat(jdeps.exitValue()).as(output).isZero();
        assertThat(output.lines().filter(line -> line.contains("not found")))
                .as("classes referenced from %s but not in it", jar.getFileName())
                .isEmpty();
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

    private static void unpack(Path jar, Path into) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("an entry outside the jar's folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, target);
                    }
                }
            }
        }
    }
}
