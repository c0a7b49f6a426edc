package com.invoicedelivery.mail.smtp.messaging;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

import javax.net.SocketFactory;

import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.Session;

/**
 * One Jakarta Mail session per server and settings: the server's address and security, the timeouts that bound
 * every exchange, TCP_NODELAY sockets, and a shared scheduler for write timeouts (without it Angus Mail starts a
 * thread per connection).
 */
final class SmtpSessions {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration writeTimeout;
    private final String ehloName;
    private final NoDelaySocketFactory sockets;
    private final ScheduledExecutorService writeTimeouts;
    private final Map<SessionKey, Session> sessions = new ConcurrentHashMap<>();

    SmtpSessions(Duration connectTimeout, Duration readTimeout, Duration writeTimeout, String ehloName,
                 NoDelaySocketFactory sockets, ScheduledExecutorService writeTimeouts) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.writeTimeout = writeTimeout;
        this.ehloName = ehloName;
        this.sockets = sockets;
        this.writeTimeouts = writeTimeouts;
    }

    /**
     * Sessions are kept by what their settings depend on: never by the credentials, which they do not hold.
     *
     * @param address the address connections go to (checked by the host policy); null to connect by the host name
     */
    Session sessionFor(SmtpServer server, InetAddress address) {
        return sessions.computeIfAbsent(SessionKey.of(server, address), key -> {
            Properties properties = properties(server, sockets.pinnedTo(address));
            // a connection to be sent with holds a connection slot (a tenant server's cap, shared by the replicas),
            // given back when the connection is closed: closing waits for the server's goodbye (at most the read
            // timeout), so that the server has counted the connection closed before another replica may open one
            properties.put("mail.smtp.quitwait", "true");
            return Session.getInstance(properties);
        });
    }

    /**
     * A session of its own for one connection test: the same properties as for sending, with the test's socket
     * factory (which its watchdog can close) and its timeouts cut to the test's total time.
     */
    Session testSessionFor(SmtpServer server, NoDelaySocketFactory testSockets, InetAddress address,
                           Duration total) {
        Properties properties = properties(server, testSockets.pinnedTo(address));
        properties.put("mail.smtp.connectiontimeout", millis(min(connectTimeout, total)));
        properties.put("mail.smtp.timeout", millis(min(readTimeout, total)));
        return Session.getInstance(properties);
    }

    Duration connectTimeout() {
        return connectTimeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    private Properties properties(SmtpServer server, SocketFactory sockets) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", server.host());
        properties.put("mail.smtp.port", String.valueOf(server.port()));
        properties.put("mail.smtp.localhost", ehloName);
        properties.put("mail.smtp.connectiontimeout", millis(connectTimeout));
        properties.put("mail.smtp.timeout", millis(readTimeout));
        properties.put("mail.smtp.writetimeout", millis(writeTimeout));
        properties.put("mail.smtp.executor.writetimeout", writeTimeouts);
        properties.put("mail.smtp.socketFactory", sockets);
        properties.put("mail.smtp.socketFactory.fallback", "false");
        // implicit TLS: the raw socket still comes from our factory, TLS is layered over it
        properties.put("mail.smtp.ssl.socketFactory", sockets);
        properties.put("mail.smtp.ssl.enable", String.valueOf(server.security() == SmtpSecurity.TLS));
        properties.put("mail.smtp.starttls.enable", String.valueOf(server.security() == SmtpSecurity.STARTTLS));
        properties.put("mail.smtp.starttls.required", String.valueOf(server.security() == SmtpSecurity.STARTTLS));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.auth", String.valueOf(server.authenticates()));
        // the message goes out exactly as composed and logged: no 8BITMIME re-encoding
        properties.put("mail.smtp.allow8bitmime", "false");
        // a connection test holds no slot: closing it need not wait for the server's goodbye (sessionFor waits)
        properties.put("mail.smtp.quitwait", "false");
        return properties;
    }

    private record SessionKey(String host, InetAddress address, int port, SmtpSecurity security,
                              boolean authenticates) {

        static SessionKey of(SmtpServer server, InetAddress address) {
            return new SessionKey(server.host(), address, server.port(), server.security(), server.authenticates());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String millis(Duration duration) {
        return String.valueOf(duration.toMillis());
    }
}
