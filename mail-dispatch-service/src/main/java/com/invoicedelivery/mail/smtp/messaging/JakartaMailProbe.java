package com.invoicedelivery.mail.smtp.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;

import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.application.SmtpHostRefusedException;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.ProbeStage;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;

/**
 * The connection test, through the same Angus Mail transport and session properties mail is sent with: connect,
 * TLS as configured, EHLO, log in, then close (QUIT). What passes here is what a send does up to the first
 * message, to the same address the host policy checked. The failing step is read from what Angus throws and from the server's last reply. Every step is bounded
 * by the connect or read timeout, and all together by the total time: a watchdog closes the test's sockets when
 * the total has passed, so even a server that answers one byte at a time cannot hold the test longer.
 */
final class JakartaMailProbe implements SmtpProbe {

    private final SmtpSessions sessions;
    private final NoDelaySocketFactory sockets;
    private final SmtpHostGuard hosts;
    private final Duration total;
    private final ScheduledExecutorService watchdogs;

    /** @param hosts checks the server's host before anything goes over the network, as for sends */
    JakartaMailProbe(SmtpSessions sessions, NoDelaySocketFactory sockets, SmtpHostGuard hosts, Duration total,
                     ScheduledExecutorService watchdogs) {
        this.sessions = sessions;
        this.sockets = sockets;
        this.hosts = hosts;
        this.total = total;
        this.watchdogs = watchdogs;
    }

    @Override
    public ProbeResult probe(SmtpServer server) {
        long started = System.nanoTime();
        InetAddress address;
        try {
            address = hosts.check(server);
        } catch (SmtpHostRefusedException e) {
            return ProbeResult.failed(ProbeStage.CONNECT, e.getMessage() + "; nothing was tried", elapsed(started));
        } catch (UnknownHostException e) {
            return ProbeResult.failed(ProbeStage.CONNECT, "Unknown host " + server.host()
                    + ": the name could not be resolved", elapsed(started));
        }
        Attempt attempt = new Attempt();
        ScheduledFuture<?> watchdog = watchdogs.schedule(attempt::stop, total.toMillis(), TimeUnit.MILLISECONDS);
        SMTPTransport transport = null;
        try {
            transport = (SMTPTransport) sessions.testSessionFor(server, sockets.watchedBy(attempt::opened), address, total)
                    .getTransport("smtp");
            transport.connect(server.host(), server.port(), server.username(), server.password());
            if (server.authenticates() && !transport.supportsExtension("AUTH")) {
                // Angus goes on without logging in when the server offers no login; mail would then go out unsent
                return ProbeResult.failed(ProbeStage.AUTH, "The server " + server.address() + " offers no login (no"
                        + " AUTH in its answer to EHLO), yet a user name is set"
                        + (server.security() == SmtpSecurity.NONE ? "; many servers offer it only over an encrypted"
                        + " connection: try STARTTLS or TLS" : ""), elapsed(started));
            }
            return ProbeResult.passed(summary(server), elapsed(started));
        } catch (MessagingException | RuntimeException e) {
            ProbeStage stage = stageOf(e, server, attempt, transport);
            return ProbeResult.failed(stage, explain(e, stage, server, attempt, transport), elapsed(started));
        } finally {
            watchdog.cancel(false);
            close(transport);
            attempt.stop();
        }
    }

    /** The step that failed, from what Angus threw and how far the connection got. */
    private static ProbeStage stageOf(Exception failure, SmtpServer server, Attempt attempt,
                                      SMTPTransport transport) {
        String reply = lastReply(transport);
        if (find(failure, AuthenticationFailedException.class) != null) {
            return ProbeStage.AUTH;
        }
        if (find(failure, UnknownHostException.class) != null || find(failure, MailConnectException.class) != null
                || !attempt.connected()) {
            return ProbeStage.CONNECT;
        }
        if (find(failure, SSLException.class) != null || find(failure, CertificateException.class) != null
                || startTlsMissing(failure)) {
            return ProbeStage.TLS;
        }
        if (server.security() == SmtpSecurity.TLS && reply == null) {
            // implicit TLS comes before the greeting: no reply at all means the handshake did not finish
            return ProbeStage.TLS;
        }
        return ProbeStage.GREETING;
    }

    private String explain(Exception failure, ProbeStage stage, SmtpServer server, Attempt attempt,
                           SMTPTransport transport) {
        if (attempt.stopped()) {
            return "The test was stopped after " + seconds(total) + ": " + server.address() + " had not finished the "
                    + stage + " step";
        }
        String reply = lastReply(transport);
        UnknownHostException unknown = find(failure, UnknownHostException.class);
        if (unknown != null) {
            return "Unknown host " + server.host() + ": the name could not be resolved";
        }
        if (stage == ProbeStage.AUTH) {
            if (reply != null && reply.startsWith("535")) {
                return "The server refused the user name or password (" + reply + ")";
            }
            return "The server " + server.address() + " refused the login (" + (reply == null ? failure.getMessage()
                    : reply) + ")";
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            Duration waited = stage == ProbeStage.CONNECT ? sessions.connectTimeout() : sessions.readTimeout();
            return "No answer from " + server.address() + " within " + seconds(waited.compareTo(total) < 0 ? waited
                    : total);
        }
        if (stage == ProbeStage.CONNECT && find(failure, ConnectException.class) != null) {
            return server.address() + " refused the connection: nothing takes mail on that port";
        }
        if (startTlsMissing(failure)) {
            return "The server " + server.address() + " does not offer STARTTLS, which these settings require;"
                    + " choose TLS if it expects TLS from the first byte (port 465)";
        }
        if (stage == ProbeStage.TLS) {
            Throwable tls = find(failure, SSLException.class);
            return "The TLS handshake with " + server.address() + " failed: "
                    + (tls != null ? tls.getMessage() : rootMessage(failure));
        }
        if (reply != null && !reply.startsWith("2") && !reply.startsWith("3")) {
            return "The server " + server.address() + " refused the " + stage + " step (" + reply + ")";
        }
        return "The connection to " + server.address() + " failed during the " + stage + " step: "
                + rootMessage(failure);
    }

    private static String summary(SmtpServer server) {
        String protection = switch (server.security()) {
            case NONE -> " without encryption";
            case STARTTLS -> " over STARTTLS";
            case TLS -> " over TLS";
        };
        String login = server.authenticates() ? ", logged in as " + server.username() : ", no login configured";
        return "Connected to " + server.address() + protection + login + "; the server is ready for mail";
    }

    /** Angus's words when STARTTLS is required and the server's EHLO does not list it. */
    private static boolean startTlsMissing(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            String message = t.getMessage();
            if (message != null && message.toUpperCase(Locale.ROOT).contains("STARTTLS IS REQUIRED")) {
                return true;
            }
        }
        return false;
    }

    private static String lastReply(SMTPTransport transport) {
        if (transport == null) {
            return null;
        }
        String reply = transport.getLastServerResponse();
        return reply == null || reply.isBlank() ? null : reply.strip();
    }

    /** The first of {@code type} among the failure, its causes and Jakarta Mail's next exceptions. */
    static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable next(Throwable t) {
        Throwable next = t instanceof MessagingException m && m.getNextException() != null ? m.getNextException()
                : t.getCause();
        return next == t ? null : next;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = next(t)) {
            root = t;
        }
        return String.valueOf(root.getMessage());
    }

    private static void close(SMTPTransport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException | RuntimeException ignored) {
                // the test is over either way
            }
        }
    }

    private static Duration elapsed(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** e.g. "10 s", "1.5 s" */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** The sockets of one test, for its watchdog to close. */
    private static final class Attempt {

        private final List<Socket> sockets = new CopyOnWriteArrayList<>();
        private volatile boolean stopped;

        void opened(Socket socket) {
            sockets.add(socket);
            if (stopped) {
                closeAll();
            }
        }

        boolean connected() {
            return sockets.stream().anyMatch(Socket::isConnected);
        }

        boolean stopped() {
            return stopped;
        }

        /** Called by the watchdog when the total time has passed: a blocked read or connect ends at once. */
        void stop() {
            stopped = true;
            closeAll();
        }

        private void closeAll() {
            for (Socket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
            }
        }
    }
}
