package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Debian's {@code prometheus} server, started on 127.0.0.1 (a free port, its data in a directory of its own), scraping
 * the given targets' {@code /actuator/prometheus} every second with a bearer token read from a file, evaluating the
 * given rule files every second; asked through its HTTP API. {@link #close()} stops it (bounded).
 */
final class LocalPrometheus implements AutoCloseable {

    static final String JOB = "invoice-delivery";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final String baseUrl;
    private final Path log;

    private LocalPrometheus(Process process, String baseUrl, Path log) {
        this.process = process;
        this.baseUrl = baseUrl;
        this.log = log;
    }

    /** Starts it and waits (at most 30 s) until it says it is ready. */
    static LocalPrometheus start(Path work, List<String> targets, String bearerToken, Path rules) throws IOException {
        Path token = Files.writeString(work.resolve("operations-token.txt"), bearerToken);
        String config = """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files: [%s]
                scrape_configs:
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    authorization: {credentials_file: %s}
                    static_configs:
                      - targets: [%s]
                """.formatted(quoted(rules.toAbsolutePath().toString()), JOB, quoted(token.toAbsolutePath().toString()),
                targets.stream().map(LocalPrometheus::quoted).collect(Collectors.joining(", ")));
        Path configFile = Files.writeString(work.resolve("prometheus.yml"), config);
        int port = freePort();
        Path log = work.resolve("prometheus.log");
        Process process = new ProcessBuilder("prometheus",
                "--config.file=" + configFile,
                "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.path=" + Files.createDirectories(work.resolve("tsdb")),
                "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        LocalPrometheus prometheus = new LocalPrometheus(process, "http://127.0.0.1:" + port, log);
        try {
            Waiting.until("Prometheus to be ready", prometheus::ready, ready -> ready, Duration.ofSeconds(30));
        } catch (AssertionError e) {
            prometheus.close();
            throw new AssertionError(e.getMessage() + "\n" + prometheus.log(), e);
        }
        return prometheus;
    }

    /** {@code /api/v1/query}'s answer to an instant query, {@code data} on success (status and error otherwise). */
    JsonNode query(String promql) {
        return get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    }

    /** The result vector of an instant query that must evaluate without error. */
    JsonNode vector(String promql) {
        JsonNode answer = query(promql);
        if (!"success".equals(answer.path("status").asText())) {
            throw new AssertionError(promql + " failed: " + answer);
        }
        return answer.path("data").path("result");
    }

    /** The single value of a query that sums to one series, or 0 when it has none yet. */
    double scalar(String promql) {
        JsonNode result = vector(promql);
        return result.isEmpty() ? 0 : Double.parseDouble(result.get(0).path("value").get(1).asText());
    }

    /** The scrape targets that are not up, each with its last error. */
    List<String> targetsNotUp() {
        List<String> down = new java.util.ArrayList<>();
        if (get("/api/v1/targets").path("data").path("activeTargets").isEmpty()) {
            return List.of("no targets yet");
        }
        for (JsonNode target : get("/api/v1/targets").path("data").path("activeTargets")) {
            if (!"up".equals(target.path("health").asText())) {
                down.add(target.path("scrapeUrl").asText() + " " + target.path("health").asText() + ": "
                        + target.path("lastError").asText());
            }
        }
        return down;
    }

    JsonNode get(String pathAndQuery) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + pathAndQuery + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What Prometheus logged (warnings and errors), for a failure's message. */
    String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new AssertionError("prometheus exited with " + process.exitValue() + ":\n" + log());
        }
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/-/ready")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String quoted(String value) {
        return JSON.writeValueAsString(value); // a JSON string is a YAML flow scalar
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
