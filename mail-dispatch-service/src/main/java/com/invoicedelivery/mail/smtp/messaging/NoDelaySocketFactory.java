package com.invoicedelivery.mail.smtp.messaging;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
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

    public NoDelaySocketFactory() {
        this(new AtomicLong(), socket -> { });
    }

    private NoDelaySocketFactory(AtomicLong created, Consumer<Socket> watcher) {
        this.created = created;
        this.watcher = watcher;
    }

    /** The same sockets, each also handed to {@code watcher} when made (a connection test's watchdog closes them). */
    NoDelaySocketFactory watchedBy(Consumer<Socket> watcher) {
        return new NoDelaySocketFactory(created, watcher);
    }

    /** The form Jakarta Mail uses: an unconnected socket it connects itself, with its connect timeout. */
    @Override
    public Socket createSocket() throws IOException {
        Socket socket = new Socket();
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
