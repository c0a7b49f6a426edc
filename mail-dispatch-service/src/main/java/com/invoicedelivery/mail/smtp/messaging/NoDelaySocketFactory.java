package com.invoicedelivery.mail.smtp.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import javax.net.SocketFactory;

/**
 * Plain sockets with TCP_NODELAY. Angus Mail writes each SMTP command and the message in small chunks; with
 * Nagle's algorithm on, every chunk after the first waits for the previous one's acknowledgement (up to ~40 ms of
 * delayed ACK per exchange). Jakarta Mail takes the factory from {@code mail.smtp.socketFactory} (and, for
 * implicit TLS, {@code mail.smtp.ssl.socketFactory}, layering TLS over the socket made here).
 */
public final class NoDelaySocketFactory extends SocketFactory {

    private final AtomicLong created;
    private final Consumer<Socket> watcher;
    private final InetAddress pinned;

    public NoDelaySocketFactory() {
        this(new AtomicLong(), socket -> { }, null);
    }

    private NoDelaySocketFactory(AtomicLong created, Consumer<Socket> watcher, InetAddress pinned) {
        this.created = created;
        this.watcher = watcher;
        this.pinned = pinned;
    }

    /** The same sockets, each also handed to {@code watcher} when made (a connection test's watchdog closes them). */
    NoDelaySocketFactory watchedBy(Consumer<Socket> watcher) {
        return new NoDelaySocketFactory(created, watcher, pinned);
    }

    /**
     * The same sockets, which connect to {@code address} whatever host they are asked to connect to: Jakarta Mail
     * keeps the host name (for TLS, SNI and the certificate's name are checked against it) while the connection
     * goes to the address checked by the host policy, not to what a second lookup might answer. Null: unpinned.
     */
    NoDelaySocketFactory pinnedTo(InetAddress address) {
        return new NoDelaySocketFactory(created, watcher, address);
    }

    /** The form Jakarta Mail uses: an unconnected socket it connects itself, with its connect timeout. */
    @Override
    public Socket createSocket() throws IOException {
        Socket socket = pinned == null ? new Socket() : new PinnedSocket(pinned);
        socket.setTcpNoDelay(true);
        created.incrementAndGet();
        watcher.accept(socket);
        return socket;
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return connected(new InetSocketAddress(host, port), new InetSocketAddress(localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port), null);
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return connected(new InetSocketAddress(address, port), new InetSocketAddress(localAddress, localPort));
    }

    /** How many sockets this factory has made: one per SMTP connection opened. */
    public long socketsCreated() {
        return created.get();
    }

    /** Connects to its pinned address, on the port asked for. */
    private static final class PinnedSocket extends Socket {

        private final InetAddress address;

        PinnedSocket(InetAddress address) {
            this.address = address;
        }

        @Override
        public void connect(SocketAddress endpoint, int timeout) throws IOException {
            if (!(endpoint instanceof InetSocketAddress requested)) {
                throw new IOException("cannot connect to " + endpoint);
            }
            super.connect(new InetSocketAddress(address, requested.getPort()), timeout);
        }
    }

    private Socket connected(InetSocketAddress remote, InetSocketAddress local) throws IOException {
        Socket socket = createSocket();
        try {
            if (local != null) {
                socket.bind(local);
            }
            socket.connect(remote);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }
}
