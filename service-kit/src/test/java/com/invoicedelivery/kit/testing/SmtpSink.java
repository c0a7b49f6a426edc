package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Postfix's {@code smtp-sink} as a child process on a port of the loopback interface: a real SMTP server that takes
 * mail and keeps each message in a dump directory (or throws it away), and can be told to refuse chosen commands (4xx
 * or 5xx), to drop the connection at one, or to wait before answering. Debian's postfix package installs it; tests
 * skip (JUnit assumptions) where it is missing. One class for mail-dispatch's tests and benchmark and the platform's
 * end-to-end benchmark and fault suite.
 */
public final class SmtpSink implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path dumpDirectory;

    private SmtpSink(Process process, int port, Path dumpDirectory) {
        this.process = process;
        this.port = port;
        this.dumpDirectory = dumpDirectory;
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** A sink on a free port that takes every message and keeps it (in a new temporary directory). */
    public static SmtpSink start(String... options) {
        return startOn(freePort(), options);
    }

    /** A sink on a free port that takes every message and throws it away, as fast as it can (benchmarks). */
    public static SmtpSink startDiscarding(String... options) {
        return launch(freePort(), null, options);
    }

    /**
     * A sink on {@code port} (e.g. the port of one just closed, to stand for the same server behaving differently)
     * that keeps every message in a new temporary directory.
     *
     * @param options smtp-sink options, e.g. {@code "-r", "RCPT"} (4xx to RCPT), {@code "-f", "RCPT"} (5xx),
     *                {@code "-q", "DATA"} (drop the connection), {@code "-W", "EHLO:60"} (answer EHLO after 60 s)
     */
    public static SmtpSink startOn(int port, String... options) {
        try {
            return launch(port, Files.createTempDirectory("smtp-sink"), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A sink on {@code port} that writes each message (the envelope as {@code X-Mail-Args}/{@code X-Rcpt-Args}
     * headers, then the message as received) to a file of its own in {@code dumpDirectory}; null: throw them away.
     */
    public static SmtpSink start(int port, Path dumpDirectory) {
        return launch(port, dumpDirectory);
    }

    private static SmtpSink launch(int port, Path dumpDirectory, String... options) {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // it refuses to run as root
        }
        if (dumpDirectory != null) {
            prepare(dumpDirectory);
            // strftime template: "%s." then smtp-sink appends a random hex number, one file per message
            command.addAll(List.of("-d", dumpDirectory.toAbsolutePath() + "/%s."));
        }
        command.addAll(List.of(options));
        // 512: the listen backlog; smtp-sink serves up to 256 connections at once, more than mail-dispatch opens
        command.addAll(List.of("127.0.0.1:" + port, "512"));
        try {
            SmtpSink sink = new SmtpSink(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), port, dumpDirectory);
            sink.awaitListening();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start smtp-sink", e);
        }
    }

    /** Writable by the unprivileged user smtp-sink switches to when this runs as root. */
    private static void prepare(Path directory) {
        try {
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxrwxrwx"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + directory, e);
        }
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Where the messages are written; null when they are thrown away. */
    public Path dumpDirectory() {
        return dumpDirectory;
    }

    /** The messages taken so far, each as received (smtp-sink's trace headers first). */
    public List<String> messages() {
        if (dumpDirectory == null) {
            throw new IllegalStateException("this sink keeps no messages");
        }
        try (Stream<Path> files = Files.list(dumpDirectory)) {
            List<String> messages = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                messages.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitListening() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("smtp-sink exited with " + process.exitValue());
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalStateException("smtp-sink did not listen on " + port + " within " + START_TIMEOUT);
    }

    /** Stops the process and waits until it has ended. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
