package com.invoicedelivery.deploy.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tenant's own SMTP server as mail-dispatch sees it: a loopback port of its own that passes every byte through to
 * the platform's GreenMail inbox (which keeps the messages), and counts the TCP connections open through it at once.
 * The SMTP itself stays GreenMail's; this only counts, so a cap on connections to one tenant server, which all
 * replicas together must keep, can be checked from outside them.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    private final ExecutorService pumps = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "counting-relay");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger mostOpen = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private CountingRelay(ServerSocket listener, int target) {
        this.listener = listener;
        this.target = target;
    }

    /** Listens on a free loopback port and relays to {@code 127.0.0.1:targetPort}. */
    static CountingRelay start(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        CountingRelay relay = new CountingRelay(listener, targetPort);
        relay.pumps.execute(relay::acceptLoop);
        return relay;
    }

    int port() {
        return listener.getLocalPort();
    }

    /** The most connections that were open through the relay at the same moment. */
    int mostOpenAtOnce() {
        return mostOpen.get();
    }

    int connectionsAccepted() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            accepted.incrementAndGet();
            mostOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                sockets.add(client);
                sockets.add(server);
                // over at the first end of either direction: a client that closed (and perhaps released its slot
                // right after) must not be counted while the relay still drains the other side
                AtomicInteger directionsLeft = new AtomicInteger(2);
                Runnable done = () -> {
                    int left = directionsLeft.decrementAndGet();
                    if (left == 1) {
                        open.decrementAndGet();
                    } else if (left == 0) {
                        sockets.remove(client);
                        sockets.remove(server);
                    }
                };
                pumps.execute(() -> pump(client, server, done));
                pumps.execute(() -> pump(server, client, done));
            } catch (IOException e) {
                open.decrementAndGet();
                closeQuietly(client);
            }
        }
    }

    /** Copies one direction until it ends; then ends the other (a half-closed SMTP session is over anyway). */
    private static void pump(Socket from, Socket to, Runnable done) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException e) {
            // either side went away: the connection is over
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            done.run();
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        sockets.forEach(CountingRelay::closeQuietly);
        pumps.shutdownNow();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing
        }
    }
}
