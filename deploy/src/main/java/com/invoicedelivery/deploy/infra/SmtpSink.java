package com.invoicedelivery.deploy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix's {@code smtp-sink} (Debian package postfix) on a loopback port: takes every message and either throws it
 * away or writes each one to a file of its own ({@code -d}) for a test to read afterwards. Shared by the end-to-end
 * benchmark and the fault-injection suite. (Its {@code -c} counter is no use for counting: the counts reach a pipe
 * only when its output buffer fills or a session ends, and mail-dispatch keeps its connections open.)
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

    /** A sink that throws every message away, on a free port. */
    public static SmtpSink discarding() {
        return start(freePort(), null);
    }

    /**
     * A sink on this port that writes each message (the envelope as {@code X-Mail-Args}/{@code X-Rcpt-Args}
     * headers, then the message as received) to a file of its own in the directory.
     *
     * @param dumpDirectory null: throw the messages away
     */
    public static SmtpSink start(int port, Path dumpDirectory) {
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // it refuses to run as root
        }
        if (dumpDirectory != null) {
            prepare(dumpDirectory);
            // strftime template: "%s." then smtp-sink appends a random hex number, one file per message
            command.addAll(List.of("-d", dumpDirectory.toAbsolutePath() + "/%s."));
        }
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
