package com.invoicedelivery.mail.testdata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny SMTP server for tests that answers each command as scripted: 2xx by default, or a chosen reply for a
 * chosen command (e.g. {@code RCPT} → {@code 550 ...}), or nothing at all (a server that hangs).
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    /** The key for the reply to the end of the message data (the line with a single dot). */
    public static final String END_OF_DATA = ".";

    private final ServerSocket server;
    private final Map<String, String> replies = new ConcurrentHashMap<>();
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private volatile long holdMillis;
    private final AtomicInteger messages = new AtomicInteger();
    private final List<String> commands = new CopyOnWriteArrayList<>();
    private volatile boolean silent;
    private volatile boolean advertiseAuth;

    private ScriptedSmtpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "scripted-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static ScriptedSmtpServer start() {
        try {
            return new ScriptedSmtpServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Answers {@code command} (MAIL, RCPT, DATA, AUTH, or {@link #END_OF_DATA}) with {@code reply}. */
    public ScriptedSmtpServer replying(String command, String reply) {
        replies.put(command, reply);
        return this;
    }

    /** Accepts connections and never says a word. */
    public ScriptedSmtpServer silent() {
        silent = true;
        return this;
    }

    /** Takes {@code hold} to answer the end of each message: connections stay busy long enough to overlap. */
    public ScriptedSmtpServer holdingEachMessage(java.time.Duration hold) {
        holdMillis = hold.toMillis();
        return this;
    }

    /** The most connections that were open at the same time. */
    public int mostOpenAtOnce() {
        return mostOpen.get();
    }

    public ScriptedSmtpServer requiringAuthentication() {
        advertiseAuth = true;
        return this;
    }

    public int port() {
        return server.getLocalPort();
    }

    public int connections() {
        return connections.get();
    }

    /** Messages whose data was accepted (250 after the final dot). */
    public int messagesAccepted() {
        return messages.get();
    }

    public List<String> commands() {
        return List.copyOf(commands);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                clients.add(client);
                connections.incrementAndGet();
                mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                Thread handler = new Thread(() -> converse(client), "scripted-smtp-client");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        boolean[] closed = {false};
        Runnable closing = () -> {
            if (!closed[0]) {
                closed[0] = true;
                open.decrementAndGet();
            }
        };
        try {
            converse(client, closing);
        } finally {
            closing.run();
        }
    }

    /** @param closing counts the connection closed: called at QUIT, before the reply lets the client go */
    private void converse(Socket client, Runnable closing) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.US_ASCII));
             OutputStream out = client.getOutputStream()) {
            if (silent) {
                in.read();
                return;
            }
            say(out, "220 scripted.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.split(" ", 2)[0].toUpperCase(Locale.ROOT);
                commands.add(command);
                switch (command) {
                    case "EHLO" -> say(out, advertiseAuth
                            ? "250-scripted.test\r\n250-AUTH PLAIN LOGIN\r\n250 8BITMIME" : "250 scripted.test");
                    case "DATA" -> {
                        String reply = replies.getOrDefault("DATA", "354 End data with <CR><LF>.<CR><LF>");
                        say(out, reply);
                        if (reply.startsWith("354")) {
                            readData(in, out);
                        }
                    }
                    case "QUIT" -> {
                        closing.run();
                        say(out, "221 Bye");
                        return;
                    }
                    default -> say(out, replies.getOrDefault(command, "250 2.0.0 OK"));
                }
            }
        } catch (IOException dropped) {
            // the client went away
        }
    }

    private void readData(BufferedReader in, OutputStream out) throws IOException {
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            // the message itself is of no interest here
        }
        if (holdMillis > 0) {
            try {
                Thread.sleep(holdMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String reply = replies.getOrDefault(END_OF_DATA, "250 2.0.0 Ok: queued as SCRIPTED1");
        if (reply.startsWith("2")) {
            messages.incrementAndGet();
        }
        say(out, reply);
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket client : clients) {
            client.close();
        }
    }
}
