package com.invoicedelivery.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

import com.invoicedelivery.deploy.services.PlatformService;

/**
 * Where the local platform keeps its files and which ports it listens on.
 *
 * @param projectRoot    the repository root, where each service's runnable jar is built
 * @param dataDirectory  keys, logs and (when persistent) the document store's file
 * @param persistentData true: the document store keeps its data in a file across restarts
 * @param identityProviderPort the local identity provider's port; its issuer is {@code http://localhost:<port>}
 * @param replicaPorts each service's instances, by their HTTP ports: as many instances as ports, the same number
 *                     for every service; the first is the one {@code url(service)} and the other services call
 * @param serviceEnvironment settings given to every service beside the launcher's own (tests shorten timeouts)
 * @param brokers      the Kafka cluster's brokers
 * @param gatewayPort  the gateway's port: the one port of the API, the Swagger UI and the clients' link pages
 */
public record PlatformSettings(Path projectRoot, Path dataDirectory, boolean persistentData,
                               int mongoPort, int smtpPort, int imapPort, int inboxWebPort, int identityProviderPort,
                               Map<PlatformService, List<Integer>> replicaPorts, List<String> serviceJvmOptions,
                               Map<String, String> serviceEnvironment, int brokers, int gatewayPort) {

    /** A replica's port beyond the first is the documented one plus this times its index: 8091, 8092, … */
    static final int REPLICA_PORT_STEP = 10;

    /**
     * Small heaps and the C1 compiler only: four Spring Boot services start together on a 2-core laptop in
     * a fraction of the time full tiered compilation would take, and idle on little memory. No performance-data
     * file ({@code -XX:-UsePerfData}): its sampler wakes every 50 ms in every JVM, a share of the platform's idle CPU
     * (docs/PERFORMANCE.md), and nothing here reads it ({@code jcmd} still attaches; {@code jps} and {@code jstat}
     * no longer list the services). The monitor deflation thread looks for unused monitors every 10 s instead of
     * every 250 ms (a diagnostic option, hence the unlocking): four times a second it was 0.1 % of a core in each
     * idle service (docs/PERFORMANCE.md, "The platform at rest"); a monitor left inflated longer costs a little
     * memory, nothing else.
     */
    public static final List<String> DEFAULT_JVM_OPTIONS = List.of(
            "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms64m", "-Xmx384m", "-Xss512k", "-XX:-UsePerfData",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:AsyncDeflationInterval=10000", "-Dfile.encoding=UTF-8");

    /**
     * For hours of volume ({@code ./run-local --long-run}): the default options with full tiered compilation, so
     * C2 compiles what runs hot. Measured side by side at full size (docs/PERFORMANCE.md, "C1 or C2"): once C2 has
     * caught up, after some minutes under load, every service costs about 40 % less CPU per invoice; until then
     * nothing is gained, the start-up takes longer than the minute the local run promises, and the services keep
     * about 340 MB more in all. Hence not the default.
     */
    public static final List<String> LONG_RUN_JVM_OPTIONS = DEFAULT_JVM_OPTIONS.stream()
            .filter(option -> !option.startsWith("-XX:TieredStopAtLevel=")).toList();

    public PlatformSettings {
        Map<PlatformService, List<Integer>> ports = new EnumMap<>(PlatformService.class);
        replicaPorts.forEach((service, list) -> ports.put(service, List.copyOf(list)));
        replicaPorts = Map.copyOf(ports);
        serviceJvmOptions = List.copyOf(serviceJvmOptions);
        serviceEnvironment = Map.copyOf(serviceEnvironment);
        if (replicaPorts.size() != PlatformService.values().length
                || replicaPorts.values().stream().map(List::size).distinct().count() != 1
                || replicaPorts.values().iterator().next().isEmpty()) {
            throw new IllegalArgumentException("every service needs the same number (≥ 1) of instances: "
                    + replicaPorts);
        }
        if (brokers < 1) {
            throw new IllegalArgumentException("at least one Kafka broker: " + brokers);
        }
    }

    /** One instance of each service on these ports, one broker, the gateway on a free port. */
    public PlatformSettings(Path projectRoot, Path dataDirectory, boolean persistentData,
                            int mongoPort, int smtpPort, int imapPort, int inboxWebPort, int identityProviderPort,
                            Map<PlatformService, Integer> servicePorts, List<String> serviceJvmOptions,
                            Map<String, String> serviceEnvironment) {
        this(projectRoot, dataDirectory, persistentData, mongoPort, smtpPort, imapPort, inboxWebPort,
                identityProviderPort, single(servicePorts), serviceJvmOptions, serviceEnvironment, 1,
                freeServicePort());
    }

    /** The documented ports (README), data in {@code <root>/.data}, kept across restarts. */
    public static PlatformSettings localRun(Path projectRoot) {
        return localRun(projectRoot, 1, 1);
    }

    /**
     * The documented ports, the second instance of each service 10 above the first (8091 to 8094), a third 20
     * above, and so on; data in {@code <root>/.data}, kept across restarts.
     */
    public static PlatformSettings localRun(Path projectRoot, int replicas, int brokers) {
        return localRun(projectRoot, replicas, brokers, DEFAULT_JVM_OPTIONS);
    }

    /** {@link #localRun(Path, int, int)} with the services' JVM options given. */
    public static PlatformSettings localRun(Path projectRoot, int replicas, int brokers,
                                            List<String> serviceJvmOptions) {
        Map<PlatformService, List<Integer>> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            List<Integer> list = new ArrayList<>();
            for (int replica = 0; replica < replicas; replica++) {
                list.add(service.defaultPort() + REPLICA_PORT_STEP * replica);
            }
            ports.put(service, list);
        }
        return new PlatformSettings(projectRoot, projectRoot.resolve(".data"), true, 27017, 3025, 3143,
                8025, 8090, ports, serviceJvmOptions, Map.of(), brokers, PlatformService.GATEWAY_DEFAULT_PORT);
    }

    /** Free ports everywhere and data in memory: for tests that run beside anything else. */
    public static PlatformSettings isolated(Path projectRoot, Path dataDirectory) {
        return isolated(projectRoot, dataDirectory, 1, 1);
    }

    /** Free ports everywhere, data in memory, {@code replicas} instances of each service, {@code brokers} brokers. */
    public static PlatformSettings isolated(Path projectRoot, Path dataDirectory, int replicas, int brokers) {
        return isolated(projectRoot, dataDirectory, replicas, brokers, PlatformSettings::freePort);
    }

    /** As above, each port tried taken from {@code systemPorts} (the system's free ports; a test's own). */
    static PlatformSettings isolated(Path projectRoot, Path dataDirectory, int replicas, int brokers,
                                     IntSupplier systemPorts) {
        // a port the system calls free is closed again at once, so the system may hand it out twice (it did: pdf-
        // and mail-dispatch-service got one port in a run of the fault suite, and the second could not start): this
        // platform's ports, management ports included, are kept apart here
        Set<Integer> taken = new HashSet<>();
        Map<PlatformService, List<Integer>> ports = new EnumMap<>(PlatformService.class);
        for (PlatformService service : PlatformService.values()) {
            List<Integer> list = new ArrayList<>();
            for (int replica = 0; replica < replicas; replica++) {
                list.add(freeServicePort(taken, systemPorts));
            }
            ports.put(service, list);
        }
        return new PlatformSettings(projectRoot, dataDirectory, false, freePort(taken, systemPorts),
                freePort(taken, systemPorts), freePort(taken, systemPorts), freePort(taken, systemPorts),
                freePort(taken, systemPorts), ports, DEFAULT_JVM_OPTIONS, Map.of(), brokers,
                freeServicePort(taken, systemPorts));
    }

    /** The same settings, with these variables added to every service's environment. */
    public PlatformSettings withServiceEnvironment(Map<String, String> environment) {
        return new PlatformSettings(projectRoot, dataDirectory, persistentData, mongoPort, smtpPort,
                imapPort, inboxWebPort, identityProviderPort, replicaPorts, serviceJvmOptions, environment, brokers,
                gatewayPort);
    }

    /**
     * The same settings, the document store's data in {@link #documentStoreFile()} (kept across restarts of the
     * store: the fault suite stops and restarts it), or in memory.
     */
    public PlatformSettings withPersistentData(boolean persistent) {
        return new PlatformSettings(projectRoot, dataDirectory, persistent, mongoPort, smtpPort,
                imapPort, inboxWebPort, identityProviderPort, replicaPorts, serviceJvmOptions, serviceEnvironment,
                brokers, gatewayPort);
    }

    /** The first instance's port: the one the other services and the printed URLs use. */
    public int port(PlatformService service) {
        return replicaPorts.get(service).get(0);
    }

    /** The port of each instance of the service, the first first. */
    public List<Integer> ports(PlatformService service) {
        return replicaPorts.get(service);
    }

    /** How many instances of each service run. */
    public int replicas() {
        return replicaPorts.get(PlatformService.INVOICE).size();
    }

    private static Map<PlatformService, List<Integer>> single(Map<PlatformService, Integer> ports) {
        Map<PlatformService, List<Integer>> single = new EnumMap<>(PlatformService.class);
        ports.forEach((service, port) -> single.put(service, List.of(port)));
        return single;
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

    /** A free port whose management port (the port + 1000) is free too; a bounded number of tries. */
    public static int freeServicePort() {
        return freeServicePort(new HashSet<>(), PlatformSettings::freePort);
    }

    /** As {@link #freeServicePort()}, neither port among {@code taken}; adds both to it. */
    private static int freeServicePort(Set<Integer> taken, IntSupplier systemPorts) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = systemPorts.getAsInt();
            int management = PlatformService.managementPort(port);
            if (management <= 65535 && !taken.contains(port) && !taken.contains(management) && isFree(management)) {
                taken.add(port);
                taken.add(management);
                return port;
            }
        }
        throw new IllegalStateException("no free port whose port + " + PlatformService.MANAGEMENT_PORT_OFFSET
                + " is free too");
    }

    /** A free port not among {@code taken}; adds it. */
    private static int freePort(Set<Integer> taken, IntSupplier systemPorts) {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = systemPorts.getAsInt();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port apart from " + taken);
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
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
