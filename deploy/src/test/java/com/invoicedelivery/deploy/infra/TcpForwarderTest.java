package com.invoicedelivery.deploy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TcpForwarderTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void bytesGoBothWaysAndTheEndOfOneSideReachesTheOther() throws Exception {
        try (ServerSocket echo = new ServerSocket(0, 10, LOOPBACK)) {
            Thread server = new Thread(() -> echoOnce(echo));
            server.start();
            try (TcpForwarder forwarder = TcpForwarder.start(new InetSocketAddress(LOOPBACK, 0),
                    new InetSocketAddress(LOOPBACK, echo.getLocalPort()));
                 Socket client = new Socket(LOOPBACK, forwarder.localPort())) {
                client.setSoTimeout(5_000);
                byte[] sent = "hello through the forwarder".getBytes(StandardCharsets.UTF_8);
                client.getOutputStream().write(sent);
                client.shutdownOutput();
                byte[] back = client.getInputStream().readAllBytes();
                assertThat(new String(back, StandardCharsets.UTF_8)).isEqualTo("hello through the forwarder");
            }
            server.join(5_000);
        }
    }

    @Test
    void aConnectionToATargetThatDoesNotListenIsClosed() throws Exception {
        int unused;
        try (ServerSocket probe = new ServerSocket(0, 1, LOOPBACK)) {
            unused = probe.getLocalPort();
        }
        try (TcpForwarder forwarder = TcpForwarder.start(new InetSocketAddress(LOOPBACK, 0),
                new InetSocketAddress(LOOPBACK, unused));
             Socket client = new Socket(LOOPBACK, forwarder.localPort())) {
            client.setSoTimeout(5_000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void closingTheForwarderClosesTheConnectionsItMade() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 10, LOOPBACK)) {
            TcpForwarder forwarder = TcpForwarder.start(new InetSocketAddress(LOOPBACK, 0),
                    new InetSocketAddress(LOOPBACK, silent.getLocalPort()));
            try (Socket client = new Socket(LOOPBACK, forwarder.localPort());
                 Socket accepted = silent.accept()) {
                client.setSoTimeout(5_000);
                client.getOutputStream().write(1);
                assertThat(new DataInputStream(accepted.getInputStream()).readByte()).isEqualTo((byte) 1);
                forwarder.close();
                assertThat(readOrReset(client.getInputStream())).isEqualTo(-1);
            }
        }
    }

    private static int readOrReset(InputStream in) {
        try {
            return in.read();
        } catch (IOException reset) {
            return -1;
        }
    }

    private static void echoOnce(ServerSocket echo) {
        try (Socket socket = echo.accept()) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write(in.readAllBytes());
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
