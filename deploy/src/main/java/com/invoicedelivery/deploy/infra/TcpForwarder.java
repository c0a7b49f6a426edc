package com.invoicedelivery.deploy.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain TCP relay: every connection accepted on {@code listen} is joined to a new connection to {@code target},
 * bytes copied both ways until either side closes. What {@code socat} would do, which this machine does not have:
 * the fault suite's network-cut scenario (docs/RELIABILITY.md, scenario 11) puts a service in a network namespace
 * and joins its loopback ports to the platform's through veth links with these, so that the platform's addresses
 * ({@code localhost:<port>}) stay what they are everywhere. It neither times out nor closes an idle or stalled
 * connection: a link taken down stalls the connections through it as it would stall a direct one.
 *
 * <p>Run as a process of its own ({@link #main}) inside the namespace, or as threads of the caller on the host.
 */
public final class TcpForwarder implements AutoCloseable {

    /** A connection to the target that is not made within this long is given up (and the accepted one closed). */
    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int BUFFER = 16 * 1024;

    private final ServerSocket server;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private TcpForwarder(ServerSocket server, InetSocketAddress target) {
        this.server = server;
        this.target = target;
    }

    /** Listens on {@code listen} now and forwards each connection to {@code target}, on daemon threads. */
    public static TcpForwarder start(InetSocketAddress listen, InetSocketAddress target) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(listen, 100);
        } catch (IOException e) {
            server.close();
            throw new IOException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        TcpForwarder forwarder = new TcpForwarder(server, target);
        Thread acceptor = new Thread(forwarder::acceptLoop, "forward-" + listen.getPort());
        acceptor.setDaemon(true);
        acceptor.start();
        return forwarder;
    }

    public int localPort() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Thread joiner = new Thread(() -> join(client), "forward-" + server.getLocalPort() + "-connect");
            joiner.setDaemon(true);
            joiner.start();
        }
    }

    private void join(Socket client) {
        open.add(client);
        Socket upstream = new Socket();
        open.add(upstream);
        try {
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            if (closed) {
                throw new IOException("closed");
            }
        } catch (IOException e) {
            closeBoth(client, upstream);
            return;
        }
        Thread up = new Thread(() -> copy(client, upstream), "forward-" + server.getLocalPort() + "-up");
        up.setDaemon(true);
        up.start();
        copy(upstream, client);
    }

    /** Copies until the source ends (then half-closes the sink) or fails (then closes both). */
    private void copy(Socket from, Socket to) {
        byte[] buffer = new byte[BUFFER];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
            to.shutdownOutput();
            if (from.isOutputShutdown()) {
                closeBoth(from, to);
            }
        } catch (IOException e) {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket first, Socket second) {
        for (Socket socket : List.of(first, second)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            open.remove(socket);
        }
    }

    /** Stops listening and closes every connection it made. */
    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : List.copyOf(open)) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        open.clear();
    }

    /**
     * {@code java -cp … TcpForwarder <listenHost>:<port>=<targetHost>:<port> …}: starts one forwarder per argument,
     * prints {@code ready} once all listen, and runs until its standard input ends (the parent closed it or died),
     * so that a namespaced forwarder never outlives the test that started it.
     */
    public static void main(String[] args) throws IOException {
        List<TcpForwarder> forwarders = new ArrayList<>();
        for (String rule : args) {
            String[] sides = rule.split("=", 2);
            if (sides.length != 2) {
                throw new IllegalArgumentException("expected <host>:<port>=<host>:<port>, got " + rule);
            }
            forwarders.add(start(address(sides[0]), address(sides[1])));
        }
        System.out.println("ready");
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            while (in.readLine() != null) {
                // nothing to read: waits for the end
            }
        } finally {
            forwarders.forEach(TcpForwarder::close);
        }
    }

    static InetSocketAddress address(String hostAndPort) throws IOException {
        int colon = hostAndPort.lastIndexOf(':');
        if (colon < 1) {
            throw new IllegalArgumentException("expected <host>:<port>, got " + hostAndPort);
        }
        return new InetSocketAddress(InetAddress.getByName(hostAndPort.substring(0, colon)),
                Integer.parseInt(hostAndPort.substring(colon + 1)));
    }
}
