package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * A private Postfix (Debian's package, {@code /usr/sbin/postfix}) for one test: its own configuration, queue and data
 * directories in a temporary directory, listening on one loopback port, relaying only by its transport map (each
 * domain to a loopback port) and refusing everything else. Nothing of the machine's own Postfix is used or touched.
 *
 * <p>Postfix's master process must be started as root: {@code master} refuses anyone else ("the master command is
 * reserved for the superuser") and then runs its daemons as {@code mail_owner} ({@code postfix}). So this runs only
 * as root (as the tests and CI do here); elsewhere tests using it are skipped, except on CI ({@code CI=true}), where
 * they fail.
 */
public final class PrivatePostfix implements AutoCloseable {

    public static final Path POSTFIX = Path.of("/usr/sbin/postfix");
    private static final long COMMAND_TIMEOUT_SECONDS = 30;

    private final Path directory;
    private final int port;

    private PrivatePostfix(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Skips the calling test where a private Postfix cannot run, fails it on CI. */
    public static void assumeRunnable() {
        boolean installed = Files.isExecutable(POSTFIX);
        boolean root = isRoot();
        if ((!installed || !root) && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true but a private Postfix cannot run here: installed=" + installed + ", root=" + root);
        }
        Assumptions.assumeTrue(installed, "Postfix is not installed (Debian: postfix)");
        Assumptions.assumeTrue(root, "Postfix's master process runs only as root");
    }

    /**
     * @param transports where each domain goes: domain → a loopback port (Postfix's {@code smtp:[127.0.0.1]:port})
     */
    public static PrivatePostfix start(Map<String, Integer> transports) {
        try {
            Path directory = Files.createTempDirectory("private-postfix");
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            Path etc = Files.createDirectories(directory.resolve("etc"));
            Path data = Files.createDirectories(directory.resolve("data"));
            Path log = Files.createDirectories(directory.resolve("log"));
            Files.createDirectories(directory.resolve("queue"));
            UserPrincipal postfix = directory.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postfix");
            Files.setOwner(data, postfix);
            int port = freePort();
            StringBuilder map = new StringBuilder();
            transports.forEach((domain, to) -> map.append(map.isEmpty() ? "" : ", ").append(domain)
                    .append("=smtp:[127.0.0.1]:").append(to));
            Files.writeString(etc.resolve("main.cf"), String.join("\n",
                    "compatibility_level = 3.6",
                    "queue_directory = " + directory.resolve("queue"),
                    "data_directory = " + data,
                    "mail_owner = postfix",
                    "setgid_group = postdrop",
                    "myhostname = mta.postfix.test",
                    "mydomain = postfix.test",
                    "myorigin = $myhostname",
                    "inet_interfaces = 127.0.0.1",
                    "inet_protocols = ipv4",
                    "mydestination =",
                    "mynetworks = 127.0.0.0/8",
                    "smtpd_relay_restrictions = permit_mynetworks, reject",
                    "transport_maps = inline:{ " + map + " }",
                    "default_transport = error:5.7.1 this private test instance relays only to loopback",
                    "alias_maps =",
                    "alias_database =",
                    "local_recipient_maps =",
                    "biff = no",
                    "smtputf8_enable = no",
                    "maillog_file = " + log.resolve("postfix.log"),
                    "maillog_file_prefixes = " + log,
                    "queue_run_delay = 1s",
                    "minimal_backoff_time = 1s",
                    "maximal_backoff_time = 2s",
                    "delay_warning_time = 0",
                    "smtp_connect_timeout = 5s",
                    "smtp_tls_security_level = none",
                    "smtpd_tls_security_level = none",
                    "notify_classes =",
                    ""), StandardCharsets.US_ASCII);
            // no chroot: the daemons run in the queue directory's tree as is
            Files.writeString(etc.resolve("master.cf"), String.join("\n",
                    "127.0.0.1:" + port + " inet n - n - - smtpd",
                    "pickup unix n - n 60 1 pickup",
                    "cleanup unix n - n - 0 cleanup",
                    "qmgr unix n - n 300 1 qmgr",
                    "rewrite unix - - n - - trivial-rewrite",
                    "bounce unix - - n - 0 bounce",
                    "defer unix - - n - 0 bounce",
                    "trace unix - - n - 0 bounce",
                    "verify unix - - n - 1 verify",
                    "flush unix n - n 1000? 0 flush",
                    "proxymap unix - - n - - proxymap",
                    "smtp unix - - n - - smtp",
                    "relay unix - - n - - smtp",
                    "showq unix n - n - - showq",
                    "error unix - - n - - error",
                    "retry unix - - n - - error",
                    "discard unix - - n - - discard",
                    "anvil unix - - n - 1 anvil",
                    "scache unix - - n - 1 scache",
                    "postlog unix-dgram n - n - 1 postlogd",
                    ""), StandardCharsets.US_ASCII);
            PrivatePostfix instance = new PrivatePostfix(directory, port);
            instance.postfix("start");
            instance.awaitListening();
            return instance;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Postfix's own log of this instance (what it did with each message). */
    public String log() {
        try {
            Path file = directory.resolve("log/postfix.log");
            return Files.exists(file) ? Files.readString(file, StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        try {
            postfix("stop");
        } finally {
            try (var paths = Files.walk(directory)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is no failure of the test
            }
        }
    }

    private void postfix(String command) {
        try {
            Process process = new ProcessBuilder(List.of(POSTFIX.toString(), "-c", directory.resolve("etc").toString(),
                    command)).redirectErrorStream(true).start();
            if (!process.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("postfix " + command + " did not finish in "
                        + COMMAND_TIMEOUT_SECONDS + " s");
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("postfix " + command + " failed (" + process.exitValue() + "): "
                        + output + "\n" + log());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMAND_TIMEOUT_SECONDS);
        while (System.nanoTime() < deadline) {
            try (var socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("Postfix is not listening on " + port + "\n" + log());
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return false;
        }
    }
}
