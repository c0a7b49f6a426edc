package com.invoicedelivery.tracking.link.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.function.IntFunction;

import com.invoicedelivery.tracking.TestSends;
import org.junit.jupiter.api.Test;

/**
 * The link pages' limit per client (the tests' burst of {@value #PER_CLIENT_CAPACITY}, then 2 a second) counts the client behind a trusted proxy by
 * its X-Forwarded-For address, and ignores the header from any other peer. The trusted proxies are the default
 * ones (this machine's 127.0.0.1 and ::1); 127.0.0.2 is another loopback address, so a peer that is not trusted.
 * Each request names a token of its own, so only the per-client limit can refuse it.
 */
class ForwardedClientAddressIntegrationTest extends LinkPagesSupport {

    private static final int PER_CLIENT = PER_CLIENT_CAPACITY;
    /** More than the burst plus what is earned back (2 a second) while the burst is sent. */
    private static final int AT_MOST = PER_CLIENT + 200;
    private static final String TRUSTED_PROXY = "127.0.0.1";
    private static final String UNTRUSTED_PEER = "127.0.0.2";

    @Test
    void clientsBehindATrustedProxyAreCountedEachByItsForwardedAddress() {
        // what the client claimed before the proxy's hop varies; the address the proxy saw does not
        int allowed = allowedBeforeRefusal(TRUSTED_PROXY, i -> "192.0.2." + (i % 250) + ", 198.51.100.71");

        assertThat(allowed).as("the one client's burst").isBetween(PER_CLIENT, AT_MOST - 1);
        assertThat(statusFrom(TRUSTED_PROXY, "198.51.100.72")).as("another client through the same proxy")
                .isNotEqualTo(429);
    }

    @Test
    void aForwardedAddressFromAPeerThatIsNotATrustedProxyIsIgnored() {
        // every request claims another address: were the header believed, none would be refused
        int allowed = allowedBeforeRefusal(UNTRUSTED_PEER, i -> "203.0.113." + (i % 250));

        assertThat(allowed).as("counted as the peer, whatever it claims").isBetween(PER_CLIENT, AT_MOST - 1);
    }

    /** Requests from {@code from} until one is refused (429), at most {@link #AT_MOST}: how many were let in. */
    private int allowedBeforeRefusal(String from, IntFunction<String> forwardedFor) {
        for (int i = 0; i < AT_MOST; i++) {
            if (statusFrom(from, forwardedFor.apply(i)) == 429) {
                return i;
            }
        }
        return AT_MOST;
    }

    /** One GET of a link page over a connection from {@code from}, with the X-Forwarded-For given. */
    private int statusFrom(String from, String forwardedFor) {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(5_000);
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /l/" + TestSends.newToken() + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
                    + "X-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
