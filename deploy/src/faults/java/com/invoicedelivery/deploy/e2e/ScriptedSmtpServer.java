package com.invoicedelivery.deploy.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A scripted fake SMTP server on 127.0.0.1 that never takes a message: it plays one fault. Each connection is
 * served by a thread of its own (mail-dispatch opens a handful at most), every session ends when the client
 * quits, hangs up, or this server closes.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    enum Script {
        /** Busy: every other connection gets 421 at once, the others 451 to MAIL FROM (temporary, try later). */
        DEFER,
        /** Up but refusing every recipient with 550 (permanent). */
        REJECT_RECIPIENTS,
        /** Takes the connection and never says a word. */
        SILENT
    }

    private final ServerSocket server;
    private final Script script;
    private final ExecutorService sessions = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scripted-smtp");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();

    private ScriptedSmtpServer(ServerSocket server, Script script) {
        this.server = server;
        this.script = script;
    }

    static ScriptedSmtpServer start(int port, Script script) {
        try {
            ServerSocket server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            ScriptedSmtpServer fake = new ScriptedSmtpServer(server, script);
            Thread acceptor = new Thread(fake::acceptLoop, "scripted-smtp-accept");
            acceptor.setDaemon(true);
            acceptor.start();
            return fake;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on 127.0.0.1:" + port, e);
        }
    }

    int connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) { // ends when close() closes the socket
            try {
                Socket socket = server.accept();
                open.add(socket);
                int number = connections.incrementAndGet();
                sessions.execute(() -> serve(socket, number));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket, int number) {
        try (socket) {
            if (script == Script.SILENT) {
                // read and ignore whatever comes, until the client gives up or the server closes
                socket.getInputStream().transferTo(OutputStream.nullOutputStream());
                return;
            }
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            if (script == Script.DEFER && number % 2 == 1) {
                reply(out, "421 4.3.2 Service not available, try again later");
                return;
            }
            reply(out, "220 scripted.invalid ESMTP");
            for (int lines = 0; lines < 10_000; lines++) { // bounded: a session is a few commands
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT)
                        : line.substring(0, 4).toUpperCase(Locale.ROOT);
                switch (command) {
                    case "EHLO", "HELO" -> reply(out, "250 scripted.invalid");
                    case "MAIL" -> reply(out, script == Script.DEFER
                            ? "451 4.3.0 Temporary local problem, try again later" : "250 2.1.0 Ok");
                    case "RCPT" -> reply(out, script == Script.REJECT_RECIPIENTS
                            ? "550 5.1.1 Recipient address rejected: no such user" : "451 4.3.0 Try again later");
                    case "DATA" -> reply(out, "554 5.5.1 No valid recipients");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 Bye");
                        return;
                    }
                    default -> reply(out, "250 2.0.0 Ok");
                }
            }
        } catch (IOException gone) {
            // the client hung up, or this server closed: the session is over either way
        } finally {
            open.remove(socket);
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        sessions.shutdownNow();
    }
}
