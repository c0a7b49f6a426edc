package com.invoicedelivery.deploy.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as its own JVM, as in production ({@code java -jar}), with its output in a log file.
 * It can be stopped gracefully (SIGTERM), killed (SIGKILL, to test crash recovery) and started again.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final PlatformService service;
    private final String module;
    private final Path jar;
    private final int port;
    private final Map<String, String> environment;
    private final List<String> jvmOptions;
    private final Path logFile;
    /** Put before {@code java}: e.g. {@code ip netns exec <ns>} to run the service in a network namespace. */
    private final List<String> commandPrefix;
    private Process process;

    public ServiceProcess(PlatformService service, Path jar, int port, Map<String, String> environment,
                          List<String> jvmOptions, Path logFile) {
        this(service, service.module(), jar, port, environment, jvmOptions, logFile, List.of());
    }

    /**
     * As above, started through {@code commandPrefix} (a command that runs the rest of the line, such as
     * {@code ip netns exec <namespace>}; it must exec it, so that stopping and killing reach the JVM).
     */
    public ServiceProcess(PlatformService service, Path jar, int port, Map<String, String> environment,
                          List<String> jvmOptions, Path logFile, List<String> commandPrefix) {
        this(service, service.module(), jar, port, environment, jvmOptions, logFile, commandPrefix);
    }

    private ServiceProcess(PlatformService service, String module, Path jar, int port, Map<String, String> environment,
                           List<String> jvmOptions, Path logFile, List<String> commandPrefix) {
        this.service = service;
        this.module = module;
        this.jar = jar;
        this.port = port;
        this.environment = Map.copyOf(environment);
        this.jvmOptions = List.copyOf(jvmOptions);
        this.logFile = logFile;
        this.commandPrefix = List.copyOf(commandPrefix);
    }

    /** The gateway: a process like the services', on its own port and management port, that is none of them. */
    public static ServiceProcess gateway(Path jar, int port, Map<String, String> environment, List<String> jvmOptions,
                                         Path logFile) {
        return new ServiceProcess(null, PlatformService.GATEWAY_MODULE, jar, port, environment, jvmOptions, logFile,
                List.of());
    }

    public synchronized void start() {
        List<String> command = new ArrayList<>(commandPrefix);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("MANAGEMENT_SERVER_PORT", String.valueOf(PlatformService.managementPort(port)));
        try {
            Files.createDirectories(logFile.getParent());
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** Waits until the service says it is ready to take traffic; fails early if the process died. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!isAlive()) {
                throw new IllegalStateException(module + " exited with code " + process.exitValue()
                        + "; last lines of " + logFile + ":\n" + tail(40));
            }
            if (isReady()) {
                return;
            }
            sleep(Duration.ofMillis(250));
        }
        throw new IllegalStateException(module + " was not ready within " + timeout
                + "; last lines of " + logFile + ":\n" + tail(40));
    }

    public boolean isReady() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public synchronized boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** Graceful stop: SIGTERM, then SIGKILL if it takes too long. */
    public synchronized void stop() {
        if (!isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** A crash: SIGKILL, no shutdown hooks, nothing flushed. */
    public synchronized void kill() {
        if (!isAlive()) {
            return;
        }
        try {
            process.destroyForcibly().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** Actuator's own port: health, info, metrics ({@link PlatformService#managementPort(int)}). */
    public String managementUrl() {
        return "http://localhost:" + PlatformService.managementPort(port);
    }

    /** The service this process is; null for the gateway. */
    public PlatformService service() {
        return service;
    }

    /** The module it runs: a service's, or the gateway's. */
    public String module() {
        return module;
    }

    public Path logFile() {
        return logFile;
    }

    /** The last lines of the service's log, for error messages. */
    public String tail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
