package com.invoicedelivery.mail.smtp.messaging;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.ProbeStage;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.smtp.messaging.SmtpDialogue.SmtpReply;

/**
 * The connection test, spoken directly over a socket so that each step is known and reported by name: connect,
 * TLS as configured (implicit, or STARTTLS required), the greeting and EHLO, the login (PLAIN or LOGIN), QUIT.
 * Every step is bounded by the connect or read timeout and all together by the total time: a watchdog closes the
 * socket when the total has passed, so even a server that answers one byte at a time cannot hold the test longer.
 */
final class SocketSmtpProbe implements SmtpProbe {

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final Duration total;
    private final String ehloName;
    private final SSLSocketFactory tlsSockets;
    private final ScheduledExecutorService watchdogs;

    SocketSmtpProbe(Duration connectTimeout, Duration readTimeout, Duration total, String ehloName,
                    SSLSocketFactory tlsSockets, ScheduledExecutorService watchdogs) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.total = total;
        this.ehloName = ehloName;
        this.tlsSockets = tlsSockets;
        this.watchdogs = watchdogs;
    }

    @Override
    public ProbeResult probe(SmtpServer server) {
        Attempt attempt = new Attempt(server, System.nanoTime());
        ScheduledFuture<?> watchdog = watchdogs.schedule(attempt::stop, total.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return ProbeResult.passed(attempt.run(), attempt.elapsed());
        } catch (ProbeFailure failure) {
            return ProbeResult.failed(failure.stage, failure.getMessage(), attempt.elapsed());
        } finally {
            watchdog.cancel(false);
            attempt.close();
        }
    }

    /** One test of one server: where it is, and the connection it holds. */
    private final class Attempt {

        private final SmtpServer server;
        private final long startedNanos;
        private volatile ProbeStage stage = ProbeStage.CONNECT;
        private volatile Socket socket;
        private volatile boolean stopped;
        private Duration lastWait = Duration.ZERO;
        private boolean lastWaitCut;
        private String tlsProtocol;

        Attempt(SmtpServer server, long startedNanos) {
            this.server = server;
            this.startedNanos = startedNanos;
        }

        String run() {
            try {
                socket = connect();
                if (server.security() == SmtpSecurity.TLS) {
                    stage = ProbeStage.TLS;
                    socket = handshake(socket);
                }
                SmtpDialogue dialogue = new SmtpDialogue(socket);
                stage = ProbeStage.GREETING;
                expect(dialogue.read(nextWait()), 220, "did not greet this service");
                SmtpReply ehlo = expect(dialogue.command("EHLO " + ehloName, nextWait()), 250, "refused EHLO");
                if (server.security() == SmtpSecurity.STARTTLS) {
                    ehlo = startTls(dialogue, ehlo);
                }
                if (server.authenticates()) {
                    stage = ProbeStage.AUTH;
                    logIn(dialogue, ehlo);
                }
                stage = ProbeStage.DONE;
                quit(dialogue);
                return summary();
            } catch (IOException e) {
                throw new ProbeFailure(stage, explain(e));
            }
        }

        private Socket connect() throws IOException {
            InetSocketAddress address = new InetSocketAddress(server.host(), server.port());
            if (address.isUnresolved()) {
                throw new ProbeFailure(ProbeStage.CONNECT, "Unknown host " + server.host()
                        + ": the name could not be resolved");
            }
            Socket plain = new Socket();
            plain.setTcpNoDelay(true);
            socket = plain;
            lastWait = bounded(connectTimeout);
            plain.connect(address, (int) lastWait.toMillis());
            return plain;
        }

        private Socket handshake(Socket plain) throws IOException {
            SSLSocket tls = (SSLSocket) tlsSockets.createSocket(plain, server.host(), server.port(), true);
            SSLParameters parameters = tls.getSSLParameters();
            // the certificate must be for the host name configured, as when mail is sent
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
            lastWait = nextWait();
            tls.setSoTimeout((int) lastWait.toMillis());
            socket = tls;
            tls.startHandshake();
            tlsProtocol = tls.getSession().getProtocol();
            return tls;
        }

        private SmtpReply startTls(SmtpDialogue dialogue, SmtpReply ehlo) throws IOException {
            stage = ProbeStage.TLS;
            if (!ehlo.offers("STARTTLS")) {
                throw new ProbeFailure(stage, "The server " + server.address() + " does not offer STARTTLS, which"
                        + " these settings require; choose TLS if it expects TLS from the first byte (port 465)");
            }
            expect(dialogue.command("STARTTLS", nextWait()), 220, "refused STARTTLS");
            dialogue.use(handshake(socket));
            return expect(dialogue.command("EHLO " + ehloName, nextWait()), 250, "refused EHLO after STARTTLS");
        }

        private void logIn(SmtpDialogue dialogue, SmtpReply ehlo) throws IOException {
            String offered = ehlo.parameters("AUTH");
            if (offered == null) {
                throw new ProbeFailure(stage, "The server " + server.address() + " offers no login (no AUTH in its"
                        + " answer to EHLO), yet a user name is set"
                        + (server.security() == SmtpSecurity.NONE
                        ? "; many servers offer it only over an encrypted connection: try STARTTLS or TLS" : ""));
            }
            Set<String> mechanisms = Set.of(offered.toUpperCase(Locale.ROOT).split("\\s+"));
            SmtpReply answer;
            if (mechanisms.contains("PLAIN")) {
                answer = dialogue.command("AUTH PLAIN " + base64("\0" + server.username() + "\0" + server.password()),
                        nextWait());
            } else if (mechanisms.contains("LOGIN")) {
                expect(dialogue.command("AUTH LOGIN", nextWait()), 334, "refused the login");
                expect(dialogue.command(base64(server.username()), nextWait()), 334, "refused the user name");
                answer = dialogue.command(base64(server.password()), nextWait());
            } else {
                throw new ProbeFailure(stage, "The server " + server.address() + " offers none of the login methods"
                        + " this service uses (PLAIN, LOGIN); it offers " + offered);
            }
            if (answer.is(535)) {
                throw new ProbeFailure(stage, "The server refused the user name or password (" + answer.text() + ")");
            }
            expect(answer, 235, "refused the login");
        }

        /** A polite goodbye; the test has passed whatever the server answers to it. */
        private void quit(SmtpDialogue dialogue) {
            try {
                dialogue.command("QUIT", nextWait());
            } catch (IOException | ProbeFailure ignored) {
                // the connection is closed anyway
            }
        }

        private SmtpReply expect(SmtpReply reply, int code, String what) {
            if (!reply.is(code)) {
                throw new ProbeFailure(stage, "The server " + server.address() + " " + what + " (" + reply.text()
                        + ")");
            }
            return reply;
        }

        private String summary() {
            String protection = tlsProtocol == null ? " without encryption"
                    : " over " + (server.security() == SmtpSecurity.STARTTLS ? "STARTTLS" : "TLS") + " ("
                    + tlsProtocol + ")";
            String login = server.authenticates() ? ", logged in as " + server.username() : ", no login configured";
            return "Connected to " + server.address() + protection + login + "; the server is ready for mail";
        }

        private String explain(IOException e) {
            if (stopped || (e instanceof SocketTimeoutException && lastWaitCut)) {
                return stoppedMessage();
            }
            if (e instanceof SocketTimeoutException) {
                return "No answer from " + server.address() + " within " + seconds(lastWait);
            }
            if (stage == ProbeStage.CONNECT && e instanceof ConnectException) {
                return server.address() + " refused the connection: nothing takes mail on that port";
            }
            if (stage == ProbeStage.TLS && e instanceof SSLException) {
                return "The TLS handshake with " + server.address() + " failed: " + e.getMessage();
            }
            return "The connection to " + server.address() + " failed during the " + stage + " step: "
                    + e.getMessage();
        }

        /** The read timeout, cut to what is left of the total time. */
        private Duration nextWait() {
            lastWait = bounded(readTimeout);
            return lastWait;
        }

        private Duration bounded(Duration step) {
            Duration left = total.minus(elapsed());
            if (left.isNegative() || left.isZero()) {
                stopped = true;
                throw new ProbeFailure(stage, stoppedMessage());
            }
            lastWaitCut = left.compareTo(step) < 0;
            return lastWaitCut ? left : step;
        }

        private String stoppedMessage() {
            return "The test was stopped after " + seconds(total) + ": " + server.address() + " had not finished the "
                    + stage + " step";
        }

        Duration elapsed() {
            return Duration.ofNanos(System.nanoTime() - startedNanos);
        }

        /** Called by the watchdog when the total time has passed: a blocked read or connect ends at once. */
        void stop() {
            stopped = true;
            close();
        }

        void close() {
            Socket open = socket;
            if (open != null) {
                try {
                    open.close();
                } catch (IOException ignored) {
                    // closing is all that is left to do
                }
            }
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** e.g. "10 s", "1.5 s" */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Ends a test at the step that failed, with the reason a person reads. */
    private static final class ProbeFailure extends RuntimeException {

        private final ProbeStage stage;

        ProbeFailure(ProbeStage stage, String message) {
            super(message, null, false, false);
            this.stage = stage;
        }
    }
}
