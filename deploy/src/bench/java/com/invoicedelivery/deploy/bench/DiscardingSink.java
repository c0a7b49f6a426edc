package com.invoicedelivery.deploy.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Postfix's {@code smtp-sink} on a free loopback port: takes every message and throws it away. (Its {@code -c}
 * counter is no use here: the counts reach a pipe only when its output buffer fills or a session ends, and
 * mail-dispatch keeps its connections open; the benchmark follows the sends' statuses instead.)
 */
final class DiscardingSink implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;

    private DiscardingSink(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static DiscardingSink start() {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // it refuses to run as root
        }
        // 512: the listen backlog; smtp-sink serves up to 256 connections at once, more than mail-dispatch opens
        command.addAll(List.of("127.0.0.1:" + port, "512"));
        try {
            DiscardingSink sink = new DiscardingSink(new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start(), port);
            sink.awaitListening();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start smtp-sink", e);
        }
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
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
                Pause.of(Duration.ofMillis(50));
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

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
