package com.invoicedelivery.deploy.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.invoicedelivery.deploy.LocalPlatform;
import com.invoicedelivery.deploy.infra.TcpForwarder;
import com.invoicedelivery.deploy.services.PlatformService;
import com.invoicedelivery.deploy.services.ServiceProcess;

/**
 * One service in a network namespace of its own (scenario 11, docs/RELIABILITY.md), on the port the platform gives
 * it, with nothing of the platform changed: everything it reaches at {@code localhost:<port>} (the store, the
 * identity provider, the mail servers, the other services) goes through a {@link TcpForwarder} process inside the
 * namespace, a veth link ("main": host {@code 10.200.k.1}, namespace {@code .2}) and a forwarder thread on the host
 * end (on a port of its own) to the host's loopback; the broker's ports alone go over a second veth link ("bus": {@code .5} / {@code .6}),
 * so that taking that link down cuts the service from the broker and from nothing else. Callers of the service (the
 * test's probes, the gateway, the other services) reach it at its usual {@code localhost:<port>} through host
 * forwarders to {@code 10.200.k.2}. Names are unique per run ({@code flt<pid>}); {@link #close()} removes the
 * namespace and both links, whatever state they are in. Needs root and iproute2's {@code ip}: {@link #unavailable()}.
 */
final class NamespacedService implements AutoCloseable {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration FORWARDER_START = Duration.ofSeconds(90);

    private final String namespace;
    private final String mainHostEnd;
    private final String busHostEnd;
    private final String subnet;
    private final List<TcpForwarder> hostForwarders = new ArrayList<>();
    private final List<String> created = new ArrayList<>();
    private Process namespaceForwarder;
    private ServiceProcess process;
    /** A test run stopped with Ctrl-C still removes the namespace and the links. */
    private final Thread cleanUpOnExit = new Thread(this::close, "namespace-clean-up");

    private NamespacedService(String namespace, String subnet) {
        this.namespace = namespace;
        this.mainHostEnd = namespace + "ah";
        this.busHostEnd = namespace + "bh";
        this.subnet = subnet;
    }

    /** Why this machine cannot run the scenario (not root, no {@code ip}, no namespaces); null if it can. */
    static String unavailable() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            id.waitFor(10, TimeUnit.SECONDS);
            if (!"0".equals(uid)) {
                return "the suite does not run as root (id -u: " + uid + "): ip netns and veth links need it";
            }
        } catch (IOException e) {
            return "cannot run id -u: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        String probe = "fltprobe" + ProcessHandle.current().pid();
        try {
            run(List.of("ip", "netns", "add", probe));
            run(List.of("ip", "netns", "del", probe));
            return null;
        } catch (IllegalStateException e) {
            return "cannot make a network namespace: " + e.getMessage();
        }
    }

    /**
     * Makes the namespace and its two links and forwarders, then starts {@code service} in it on {@code port}
     * (the platform's environment for that service, through {@code ip netns exec}) and waits until it is ready.
     *
     * @param reached  the host loopback ports the service reaches, the broker's aside
     * @param brokers  the broker's ports (over the "bus" link)
     */
    static NamespacedService start(LocalPlatform platform, PlatformService service, int port,
                                   Collection<Integer> reached, Collection<Integer> brokers, String logName,
                                   Consumer<String> log) {
        String name = "flt" + ProcessHandle.current().pid();
        NamespacedService isolated = new NamespacedService(name, freeSubnet());
        try {
            isolated.build(reached, brokers, platform.settings().logsDirectory().resolve(logName + ".forwarder"),
                    port);
            log.accept("namespace " + name + " ready: main link " + isolated.address(1) + " / " + isolated.address(2)
                    + ", bus link " + isolated.address(5) + " / " + isolated.address(6) + "; forwarding "
                    + reached + " and the broker's " + brokers);
            isolated.process = platform.startAnotherInstance(service, port, Map.of(), logName,
                    List.of("ip", "netns", "exec", name));
            return isolated;
        } catch (RuntimeException e) {
            isolated.close();
            throw e;
        }
    }

    private void build(Collection<Integer> reached, Collection<Integer> brokers, Path forwarderLog, int port) {
        // a namespace of this name is left over by a dead JVM that had this process id: nobody else's
        if (run(List.of("ip", "netns", "list")).lines().anyMatch(line -> line.split(" ")[0].equals(namespace))) {
            quietly(List.of("ip", "link", "del", mainHostEnd));
            quietly(List.of("ip", "link", "del", busHostEnd));
            quietly(List.of("ip", "netns", "del", namespace));
        }
        Runtime.getRuntime().addShutdownHook(cleanUpOnExit);
        command("ip", "netns", "add", namespace);
        created.add("netns");
        link("a", 1);
        link("b", 5);
        command("ip", "netns", "exec", namespace, "ip", "link", "set", "lo", "up");
        Set<Integer> own = new LinkedHashSet<>(reached);
        own.removeAll(brokers);
        List<String> rules = new ArrayList<>();
        try {
            // the host ends listen on ports of their own: a server bound to every address of the host (the
            // identity provider, for one) already holds its port on the veth's address too
            for (int reachedPort : own) {
                TcpForwarder forwarder = TcpForwarder.start(socket(address(1), 0), loopback(reachedPort));
                hostForwarders.add(forwarder);
                rules.add("127.0.0.1:" + reachedPort + "=" + address(1) + ":" + forwarder.localPort());
            }
            for (int brokerPort : brokers) {
                TcpForwarder forwarder = TcpForwarder.start(socket(address(5), 0), loopback(brokerPort));
                hostForwarders.add(forwarder);
                rules.add("127.0.0.1:" + brokerPort + "=" + address(5) + ":" + forwarder.localPort());
            }
            // inbound: the service's API and actuator at their usual loopback ports (the platform's own instance,
            // whose ports these are, is stopped by the caller first)
            for (int inbound : List.of(port, PlatformService.managementPort(port))) {
                hostForwarders.add(TcpForwarder.start(loopback(inbound), socket(address(2), inbound)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the host's forwarders", e);
        }
        startNamespaceForwarder(rules, forwarderLog);
    }

    /** A veth pair: host end {@code <ns><x>h} at {@code .<first>}, namespace end {@code <ns><x>n} at the next. */
    private void link(String x, int first) {
        String hostEnd = namespace + x + "h";
        String namespaceEnd = namespace + x + "n";
        command("ip", "link", "add", hostEnd, "type", "veth", "peer", "name", namespaceEnd);
        created.add(hostEnd);
        command("ip", "link", "set", namespaceEnd, "netns", namespace);
        command("ip", "addr", "add", address(first) + "/30", "dev", hostEnd);
        command("ip", "link", "set", hostEnd, "up");
        command("ip", "netns", "exec", namespace, "ip", "addr", "add", address(first + 1) + "/30", "dev",
                namespaceEnd);
        command("ip", "netns", "exec", namespace, "ip", "link", "set", namespaceEnd, "up");
    }

    /** The forwarder inside the namespace: a process of its own, which ends when its standard input does. */
    private void startNamespaceForwarder(List<String> rules, Path log) {
        String classpath;
        try {
            classpath = Path.of(TcpForwarder.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", namespace,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", classpath, TcpForwarder.class.getName()));
        command.addAll(rules);
        try {
            Files.createDirectories(log.getParent());
            namespaceForwarder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the namespace's forwarder", e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(namespaceForwarder.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = ready.get(FORWARDER_START.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            line = null;
        }
        if (!"ready".equals(line)) {
            throw new IllegalStateException("the namespace's forwarder did not start (" + line + "); see " + log);
        }
    }

    /** Takes the broker's link down at its host end: the service's connections to the broker stall, nothing else. */
    void cutTheBroker() {
        command("ip", "link", "set", busHostEnd, "down");
    }

    void reconnectTheBroker() {
        command("ip", "link", "set", busHostEnd, "up");
    }

    /** {@code ip -o link show} of the broker's link's host end, for the report. */
    String busLinkState() {
        return run(List.of("ip", "-o", "link", "show", busHostEnd)).replaceAll(".*state (\\S+).*", "$1").trim();
    }

    ServiceProcess process() {
        return process;
    }

    String namespace() {
        return namespace;
    }

    /** Stops the service and the forwarders, deletes the links and the namespace; errors are printed, not thrown. */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() != cleanUpOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(cleanUpOnExit);
            } catch (IllegalStateException | IllegalArgumentException alreadyExitingOrNotAdded) {
                // the hook runs, or was never added
            }
        }
        if (process != null) {
            process.stop();
        }
        if (namespaceForwarder != null) {
            try {
                namespaceForwarder.getOutputStream().close();
                if (!namespaceForwarder.waitFor(10, TimeUnit.SECONDS)) {
                    namespaceForwarder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (IOException e) {
                namespaceForwarder.destroyForcibly();
            } catch (InterruptedException e) {
                namespaceForwarder.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        hostForwarders.forEach(TcpForwarder::close);
        hostForwarders.clear();
        // deleting one end of a veth pair deletes the other; deleting the namespace deletes what is left in it
        for (String link : List.of(mainHostEnd, busHostEnd)) {
            if (created.contains(link)) {
                quietly(List.of("ip", "link", "del", link));
            }
        }
        if (created.contains("netns")) {
            quietly(List.of("ip", "netns", "del", namespace));
        }
        created.clear();
    }

    /** {@code 10.200.<k>.<last>}: 1 and 2 the main link's ends, 5 and 6 the bus link's. */
    private String address(int last) {
        return subnet + last;
    }

    /** The first {@code 10.200.<k>.} no interface of this machine has an address in. */
    private static String freeSubnet() {
        String addresses = run(List.of("ip", "-o", "addr", "show"));
        long start = ProcessHandle.current().pid() % 200;
        for (int i = 0; i < 250; i++) {
            String candidate = "10.200." + ((start + i) % 250) + ".";
            if (!addresses.contains(" " + candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free 10.200.x.0/29 on this machine");
    }

    private static InetSocketAddress socket(String host, int port) throws IOException {
        return new InetSocketAddress(InetAddress.getByName(host), port);
    }

    private static InetSocketAddress loopback(int port) throws IOException {
        return socket("127.0.0.1", port);
    }

    private void command(String... command) {
        run(List.of(command));
    }

    private static void quietly(List<String> command) {
        try {
            run(command);
        } catch (IllegalStateException e) {
            System.err.println("cleaning up: " + e.getMessage());
        }
    }

    /** Runs a command to its end (bounded); its output, or an exception with it if it failed. */
    private static String run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    return "";
                }
            });
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + COMMAND_TIMEOUT);
            }
            String text = output.get(5, TimeUnit.SECONDS);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + process.exitValue()
                        + ": " + text.trim());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot read the output of " + String.join(" ", command), e);
        }
    }

    /**
     * Lines of a service's log from byte {@code from} on in which its Kafka clients say they lost the broker
     * (disconnections, request timeouts, a group left or rejoined): evidence that the cut reached the clients.
     */
    static long kafkaClientLines(Path log, long from) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            byte[] tail = new byte[(int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, length - from))];
            file.seek(Math.min(from, length));
            file.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8).lines()
                    .filter(line -> line.contains("Disconnecting from node") || line.contains("disconnected")
                            || line.contains("TimeoutException") || line.contains("timed out")
                            || line.contains("rejoin") || line.contains("Rejoin")
                            || line.contains("coordinator") && line.contains("unavailable"))
                    .count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** The port of an {@code http://host:port} URL. */
    static int portOf(String url) {
        return URI.create(url).getPort();
    }

    /** The ports of a {@code host:port,host:port} bootstrap list. */
    static List<Integer> portsOf(String bootstrapServers) {
        List<Integer> ports = new ArrayList<>();
        for (String server : bootstrapServers.split(",")) {
            ports.add(Integer.parseInt(server.substring(server.lastIndexOf(':') + 1).trim()));
        }
        return ports;
    }
}
