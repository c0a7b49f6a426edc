package com.invoicedelivery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.services.PlatformService;

/**
 * Where the local platform keeps its files and which ports it listens on.
 *
 * @param projectRoot    the repository root, where each service's runnable jar is built
 * @param dataDirectory  keys, logs and (when persistent) the document store's file
 * @param persistentData true: the document store keeps its data in a file across restarts
 * @param identityProviderPort the local identity provider's port; its issuer is {@code http://localhost:<port>}
 * @param serviceEnvironment settings given to every service beside the launcher's own (tests shorten timeouts)
 */
public record PlatformSettings(Path projectRoot, Path dataDirectory, boolean persistentData,
                               int mongoPort, int smtpPort, int imapPort, int inboxWebPort, int identityProviderPort,
                               Map<PlatformService, Integer> servicePorts, List<String> serviceJvmOptions,
                               Map<String, String> serviceEnvironment) {

    /**
     * Small heaps and the C1 compiler only: four Spring Boot services start together on a 2-core laptop in
     * a fraction of the time full tiered compilation would take, and idle on little memory.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx384m", "-Xss512k",
            "-Dfile.encoding=UTF-8");

    public PlatformSettings {
        servicePorts = Map.copyOf(servicePorts);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
    }

    /** The documented ports (README), data in {@code <root>/.data}, kept across restarts. */
    public static PlatformSettings localRun(Path projectRoot) {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, service.defaultPort());
        }
        return new PlatformSettings(projectRoot, projectRoot.resolve(".data"), true, 27017, 3025, 3143,
                8025, 8090, ports, DEFAULT_JVM_OPTIONS, Map.of());
    }

    /** Free ports everywhere and data in memory: for tests that run beside anything else. */
    public static PlatformSettings isolated(Path projectRoot, Path dataDirectory) {
        Map<PlatformService, Integer> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            ports.put(service, freePort());
        }
        return new PlatformSettings(projectRoot, dataDirectory, false, freePort(), freePort(),
                freePort(), freePort(), freePort(), ports, DEFAULT_JVM_OPTIONS, Map.of());
    }

    /** The same settings, with these variables added to every service's environment. */
    public PlatformSettings withServiceEnvironment(Map<String, String> environment) {
        return new PlatformSettings(projectRoot, dataDirectory, persistentData, mongoPort, smtpPort,
                imapPort, inboxWebPort, identityProviderPort, servicePorts, serviceJvmOptions, environment);
    }

    public int port(PlatformService service) {
        return servicePorts.get(service);
    }

    public Path keysDirectory() {
        return dataDirectory.resolve("keys");
    }

    public Path logsDirectory() {
        return dataDirectory.resolve("logs");
    }

    /** The identity provider's RSA signing key (PKCS#8 PEM): kept, so tokens it issued survive a restart. */
    public Path identityProviderKeyFile() {
        return keysDirectory().resolve("identity-provider.pem");
    }

    public Path documentStoreFile() {
        return dataDirectory.resolve("mongo.mv");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }
}
