package com.invoicedelivery.deploy.bench;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postfix's {@code smtp-sink} on a free loopback port: takes every message and throws it away, and counts them
 * ({@code -c} prints {@code sess=… quit=… msg=…} after each message, which a reader thread follows), so the
 * benchmark knows when a batch has reached the server without keeping the messages.
 */
final class CountingSink implements AutoCloseable {

    static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");
    private static final Pattern COUNTER = Pattern.compile("msg=(\\d+)");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final AtomicLong messages = new AtomicLong();

    private CountingSink(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread reader = new Thread(this::follow, "smtp-sink-" + port);
        reader.setDaemon(true);
        reader.start();
    }

    static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    static CountingSink start() {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString(), "-c"));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody")); // it refuses to run as root
        }
        // 512: the listen backlog; smtp-sink serves up to 256 connections at once, more than mail-dispatch opens
        command.addAll(List.of("127.0.0.1:" + port, "512"));
        try {
            CountingSink sink = new CountingSink(new ProcessBuilder(command).redirectErrorStream(true).start(), port);
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

    /** Messages taken since the start (each "." received). */
    long messages() {
        return messages.get();
    }

    private void follow() {
        StringBuilder line = new StringBuilder();
        try (InputStream output = process.getInputStream()) {
            int c;
            while ((c = output.read()) != -1) {
                if (c == '\r' || c == '\n') {
                    Matcher matcher = COUNTER.matcher(line);
                    if (matcher.find()) {
                        messages.accumulateAndGet(Long.parseLong(matcher.group(1)), Math::max);
                    }
                    line.setLength(0);
                } else if (line.length() < 200) {
                    line.append((char) c);
                }
            }
        } catch (IOException e) {
            // the process ended: the count stays where it was
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
