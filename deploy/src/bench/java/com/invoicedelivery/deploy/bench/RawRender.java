package com.invoicedelivery.deploy.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.invoicedelivery.deploy.PlatformSettings;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.pdf.rendering.application.RawRenderRate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@link RawRenderRate} in a JVM of its own with the services' JVM options, on pdf-service's runnable jar (its
 * classes and libraries exactly as the service has them; Spring Boot's {@code PropertiesLauncher} adds the driver's
 * classes through {@code loader.path} and starts it in place of the application).
 */
final class RawRender {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration LIMIT = Duration.ofMinutes(10);

    private RawRender() {
    }

    static Map<String, Object> measure(Path root, Path samples, Path dataDirectory, int renders,
                                       List<String> jvmOptions) throws IOException, InterruptedException {
        Path classes = driverClasses(dataDirectory.resolve("render-driver"));
        int warmUp = Math.min(renders, Math.max(100, renders / 4));
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", PlatformService.PDF.executableJar(root).toString(),
                "-Dloader.path=" + classes, "-Dloader.main=" + RawRenderRate.class.getName(),
                "org.springframework.boot.loader.launch.PropertiesLauncher",
                samples.toString(), String.valueOf(warmUp), String.valueOf(renders), String.valueOf(LIMIT.toSeconds())));
        EndToEndBenchmark.log("raw render rate: " + warmUp + " warm-up and " + renders + " measured renders in a JVM"
                + " with " + jvmOptions);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null && output.size() < 10_000) {
                output.add(line);
            }
        }
        if (!process.waitFor(LIMIT.toSeconds() + 60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        JsonNode result = output.stream().filter(line -> line.startsWith("RESULT "))
                .map(line -> JSON.readTree(line.substring("RESULT ".length()))).findFirst()
                .orElseThrow(() -> new IllegalStateException("the render JVM gave no result:\n"
                        + String.join("\n", output.subList(Math.max(0, output.size() - 40), output.size()))));
        Map<String, Object> measured = JSON.convertValue(result, LinkedHashMap.class);
        measured.put("jvmOptions", jvmOptions);
        EndToEndBenchmark.log("raw render rate: " + result.get("rendersPerSecond") + " renders/s");
        return measured;
    }

    /** The driver's class files only, copied where {@code loader.path} can find them. */
    private static Path driverClasses(Path directory) throws IOException {
        try {
            Path compiled = Path.of(RawRenderRate.class.getResource(RawRenderRate.class.getSimpleName() + ".class")
                    .toURI()).getParent();
            Path target = directory.resolve(RawRenderRate.class.getPackageName().replace('.', '/'));
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(compiled)) {
                for (Path file : files.filter(file -> file.getFileName().toString()
                        .startsWith(RawRenderRate.class.getSimpleName())).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
            return directory;
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
