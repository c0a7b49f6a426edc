package com.invoicedelivery.mail.testdata;

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

import org.awaitility.Awaitility;

/**
 * Postfix's {@code smtp-sink} as a child process on a free port of the loopback interface: a real SMTP server that
 * takes mail and keeps each message in a dump directory, and can be told to refuse chosen commands (4xx or 5xx),
 * to drop the connection at one, or to wait before answering. Debian's postfix package installs it; tests skip
 * (JUnit assumptions) where it is missing.
 */
public final class SmtpSink implements AutoCloseable {

    public static final Path EXECUTABLE = Path.of("/usr/sbin/smtp-sink");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final Process process;
    private final int port;
    private final Path dumps;

    private SmtpSink(Process process, int port, Path dumps) {
        this.process = process;
        this.port = port;
        this.dumps = dumps;
    }

    public static boolean installed() {
        return Files.isExecutable(EXECUTABLE);
    }

    /** A sink on a free port that takes every message and keeps it. */
    public static SmtpSink start(String... options) {
        return startOn(freePort(), options);
    }

    /** A sink on a free port that takes every message and throws it away, as fast as it can (benchmarks). */
    public static SmtpSink startDiscarding(String... options) {
        return launch(freePort(), null, options);
    }

    /**
     * A sink on {@code port} (e.g. the port of one just closed, to stand for the same server behaving differently).
     *
     * @param options smtp-sink options, e.g. {@code "-r", "RCPT"} (4xx to RCPT), {@code "-f", "RCPT"} (5xx),
     *                {@code "-q", "DATA"} (drop the connection), {@code "-W", "EHLO:60"} (answer EHLO after 60 s)
     */
    public static SmtpSink startOn(int port, String... options) {
        try {
            Path dumps = Files.createTempDirectory("smtp-sink");
            // smtp-sink drops root privileges to write its dumps
            Files.setPosixFilePermissions(dumps, PosixFilePermissions.fromString("rwxrwxrwx"));
            return launch(port, dumps, options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @param dumps where each message is kept; null to keep none */
    private static SmtpSink launch(int port, Path dumps, String... options) {
        try {
            List<String> command = new ArrayList<>(List.of(EXECUTABLE.toString()));
            if ("root".equals(System.getProperty("user.name"))) {
                command.addAll(List.of("-u", "nobody"));
            }
            if (dumps != null) {
                command.addAll(List.of("-d", dumps.resolve("message.").toString()));
            }
            command.addAll(List.of(options));
            command.addAll(List.of("127.0.0.1:" + port, "64"));
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            SmtpSink sink = new SmtpSink(process, port, dumps);
            sink.awaitListening();
            return sink;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** The messages taken so far, each as received (smtp-sink's trace headers first). */
    public List<String> messages() {
        if (dumps == null) {
            throw new IllegalStateException("this sink keeps no messages");
        }
        try (Stream<Path> files = Files.list(dumps)) {
            List<String> messages = new ArrayList<>();
            for (Path file : files.sorted().toList()) {
                messages.add(Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return messages;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the process and waits until the port is free again. */
    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitListening() {
        Awaitility.await("smtp-sink listening on " + port).atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("smtp-sink exited with " + process.exitValue());
                    }
                    try (Socket probe = new Socket()) {
                        probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                        return true;
                    } catch (IOException notYet) {
                        return false;
                    }
                });
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
