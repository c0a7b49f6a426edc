package com.invoicedelivery.deploy.services;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The four services, with their default ports and databases (docs/ARCHITECTURE.md). The gateway in front of them is
 * no service of this list: it has no database, no client, no bus ({@link #GATEWAY_MODULE}).
 */
public enum PlatformService {

    INVOICE("invoice-service", 8081, "invoice"),
    PDF("pdf-service", 8082, "pdf"),
    MAIL_DISPATCH("mail-dispatch-service", 8083, "mail"),
    TRACKING("tracking-service", 8084, "tracking");

    /** The gateway's module: one entry point for the web UI, in front of the four (LocalPlatform starts it too). */
    public static final String GATEWAY_MODULE = "gateway";
    /** The gateway's documented port: the one port of the API, the Swagger UI and the clients' link pages. */
    public static final int GATEWAY_DEFAULT_PORT = 8080;

    /**
     * Actuator's port is the API port plus this, for every service and replica (8081 → 9081, 8091 → 9091): the
     * services' own rule (service-kit's ServiceKitDefaults), which the launcher states explicitly to each process.
     */
    public static final int MANAGEMENT_PORT_OFFSET = 1000;

    /** The management (actuator) port of an instance serving its API on {@code apiPort}. */
    public static int managementPort(int apiPort) {
        return apiPort + MANAGEMENT_PORT_OFFSET;
    }

    private final String module;
    private final int defaultPort;
    private final String database;

    PlatformService(String module, int defaultPort, String database) {
        this.module = module;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String module() {
        return module;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }

    /**
     * The services this one calls over HTTP, which are the scopes (audiences) its client may ask the identity
     * provider for: mail-dispatch-service and tracking-service fetch PDFs from pdf-service; nobody else calls out.
     */
    public Set<PlatformService> calls() {
        return this == MAIL_DISPATCH || this == TRACKING ? Set.of(PDF) : Set.of();
    }

    /**
     * The service's name at the gateway: its public per-service paths ({@code /api/operations/<name>/dead-letters})
     * and its API document ({@code /v3/api-docs/<name>}).
     */
    public String gatewayName() {
        return module.substring(0, module.length() - "-service".length());
    }

    /** The runnable jar the build made: {@code <root>/<module>/target/<module>-<version>-exec.jar}. */
    public Path executableJar(Path projectRoot) {
        return executableJar(projectRoot, module);
    }

    /** The runnable jar of any module of the build (the services, the gateway). */
    public static Path executableJar(Path projectRoot, String module) {
        Path target = projectRoot.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(module + "-.*-exec\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(missingJar(module, target)));
        } catch (IOException e) {
            throw new UncheckedIOException(missingJar(module, target), e);
        }
    }

    private static String missingJar(String module, Path target) {
        return "no " + module + "-*-exec.jar in " + target + ": build first (./mvnw -DskipTests package)";
    }
}
