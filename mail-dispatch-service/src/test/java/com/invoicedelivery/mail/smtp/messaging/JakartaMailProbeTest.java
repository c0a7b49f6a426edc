package com.invoicedelivery.mail.smtp.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.application.TenantSmtpProperties;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.ProbeStage;
import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.GreenMails;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import com.invoicedelivery.kit.testing.SmtpSink;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connection test, through Angus Mail as sends go, against GreenMail (which checks logins, and speaks implicit
 * TLS), a scripted server, smtp-sink and silence.
 */
class JakartaMailProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final String PASSWORD = "the-right-one";
    private static GreenMail greenMail;
    private static ScheduledExecutorService watchdogs;

    private final JakartaMailProbe probe = probe(Duration.ofSeconds(5));

    @BeforeAll
    static void servers() {
        greenMail = new GreenMail(new ServerSetup[] {GreenMails.onFreePort(ServerSetupTest.SMTP),
                GreenMails.onFreePort(ServerSetupTest.SMTPS)});
        greenMail.start();
        greenMail.setUser("mailer@acme.example", "mailer", PASSWORD);
        watchdogs = Executors.newSingleThreadScheduledExecutor();
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
        watchdogs.shutdownNow();
    }

    @Test
    void theRightLoginPassesEveryStep() {
        ProbeResult result = probe.probe(server(greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "mailer", PASSWORD));

        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.stage()).isEqualTo(ProbeStage.DONE);
        assertThat(result.message()).isEqualTo("Connected to 127.0.0.1:" + greenMail.getSmtp().getPort()
                + " without encryption, logged in as mailer; the server is ready for mail");
        assertThat(result.duration()).isPositive().isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aWrongPasswordFailsAtAuthSayingSoWithTheServersReply() {
        ProbeResult result = probe.probe(server(greenMail.getSmtp().getPort(), SmtpSecurity.NONE, "mailer", "wrong"));

        assertThat(result.ok()).isFalse();
        assertThat(result.stage()).isEqualTo(ProbeStage.AUTH);
        assertThat(result.message()).startsWith("The server refused the user name or password (535")
                .doesNotContain("wrong");
    }

    @Test
    void aUserNameForAServerThatOffersNoLoginFailsAtAuth() throws Exception {
        try (ScriptedSmtpServer noAuth = ScriptedSmtpServer.start()) {
            ProbeResult result = probe.probe(server(noAuth.port(), SmtpSecurity.NONE, "mailer", PASSWORD));

            assertThat(result.stage()).isEqualTo(ProbeStage.AUTH);
            assertThat(result.message()).contains("offers no login");
        }
    }

    @Test
    void theTestSaysQuitAndSendsNoMail() throws Exception {
        try (ScriptedSmtpServer scripted = ScriptedSmtpServer.start()) {
            ProbeResult result = probe.probe(server(scripted.port(), SmtpSecurity.NONE, null, null));

            assertThat(result.ok()).as(result.message()).isTrue();
            // the transport does not wait for the server's goodbye: the server may log QUIT a moment later
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> scripted.commands().contains("QUIT"));
            assertThat(scripted.commands()).contains("EHLO").doesNotContain("MAIL", "RCPT", "DATA");
        }
    }

    @Test
    void aServerWithoutLoginPassesWithoutAuth() {
        ProbeResult result = probe.probe(server(greenMail.getSmtp().getPort(), SmtpSecurity.NONE, null, null));

        assertThat(result.ok()).isTrue();
        assertThat(result.message()).endsWith("no login configured; the server is ready for mail");
    }

    @Test
    void anUntrustedCertificateFailsAtTls() {
        ProbeResult result = probe.probe(server(greenMail.getSmtps().getPort(), SmtpSecurity.TLS, "mailer", PASSWORD));

        assertThat(result.stage()).isEqualTo(ProbeStage.TLS);
        assertThat(result.message()).startsWith("The TLS handshake with 127.0.0.1:" + greenMail.getSmtps().getPort()
                + " failed: ");
    }

    @Test
    void requiredStartTlsThatIsNotOfferedFailsAtTls() throws Exception {
        try (ScriptedSmtpServer plain = ScriptedSmtpServer.start()) {
            ProbeResult result = probe.probe(server(plain.port(), SmtpSecurity.STARTTLS, null, null));

            assertThat(result.stage()).isEqualTo(ProbeStage.TLS);
            assertThat(result.message()).contains("does not offer STARTTLS");
        }
    }

    @Test
    void implicitTlsAgainstAPlainServerFailsAtTls() {
        ProbeResult result = probe.probe(server(greenMail.getSmtp().getPort(), SmtpSecurity.TLS, null, null));

        assertThat(result.stage()).isEqualTo(ProbeStage.TLS);
    }

    @Test
    void aServerThatNeverGreetsFailsAtGreetingAfterTheReadTimeout() throws Exception {
        try (ScriptedSmtpServer silent = ScriptedSmtpServer.start().silent()) {
            ProbeResult result = probe.probe(server(silent.port(), SmtpSecurity.NONE, null, null));

            assertThat(result.stage()).isEqualTo(ProbeStage.GREETING);
            assertThat(result.message()).isEqualTo("No answer from 127.0.0.1:" + silent.port() + " within 1 s");
            assertThat(result.duration()).isBetween(TIMEOUT, Duration.ofSeconds(3));
        }
    }

    @Test
    void aClosedPortFailsAtConnect() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }

        ProbeResult result = probe.probe(server(closed, SmtpSecurity.NONE, null, null));

        assertThat(result.stage()).isEqualTo(ProbeStage.CONNECT);
        assertThat(result.message()).isEqualTo("127.0.0.1:" + closed + " refused the connection: nothing takes mail"
                + " on that port");
    }

    @Test
    void anUnknownHostFailsAtConnect() {
        ProbeResult result = probe.probe(new SmtpServer("t", "no-such-host.invalid", 25, SmtpSecurity.NONE, null,
                null, null));

        assertThat(result.stage()).isEqualTo(ProbeStage.CONNECT);
        assertThat(result.message()).startsWith("Unknown host no-such-host.invalid");
    }

    @Test
    void aServerThatAnswersByteByByteIsCutOffAtTheTotalTime() throws Exception {
        try (ServerSocket dribbling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                // every byte comes well within the read timeout: only the total time can end the test
                try (Socket client = dribbling.accept()) {
                    OutputStream out = client.getOutputStream();
                    for (byte b : "220-dribbling.test ESMTP ".repeat(100).getBytes(StandardCharsets.US_ASCII)) {
                        out.write(b);
                        out.flush();
                        Thread.sleep(100);
                    }
                } catch (IOException | InterruptedException closed) {
                    // the test closed the connection
                }
            }, "dribbling-smtp");
            server.setDaemon(true);
            server.start();

            ProbeResult result = probe(Duration.ofMillis(700)).probe(server(dribbling.getLocalPort(),
                    SmtpSecurity.NONE, null, null));

            assertThat(result.stage()).isEqualTo(ProbeStage.GREETING);
            assertThat(result.message()).isEqualTo("The test was stopped after 0.7 s: 127.0.0.1:"
                    + dribbling.getLocalPort() + " had not finished the GREETING step");
            assertThat(result.duration()).isBetween(Duration.ofMillis(700), Duration.ofSeconds(2));
        }
    }

    @Test
    void aSlowServerIsCutOffAtTheTotalTime() {
        assumeTrue(SmtpSink.installed(), "Postfix's smtp-sink is not installed");
        try (SmtpSink slow = SmtpSink.start("-W", "EHLO:5")) {
            JakartaMailProbe bounded = probe(Duration.ofMillis(700));

            ProbeResult result = bounded.probe(server(slow.port(), SmtpSecurity.NONE, null, null));

            assertThat(result.stage()).isEqualTo(ProbeStage.GREETING);
            assertThat(result.message()).isEqualTo("The test was stopped after 0.7 s: 127.0.0.1:" + slow.port()
                    + " had not finished the GREETING step");
            assertThat(result.duration()).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void loopbackTheMetadataServiceAndThePlatformsServerAreRefusedWithoutTouchingTheNetwork() throws Exception {
        int platformPort = greenMail.getSmtp().getPort();
        SmtpServer platform = new SmtpServer(SmtpServer.PLATFORM, "127.0.0.1", platformPort, SmtpSecurity.NONE, null,
                null, null);
        // production's defaults, but any port: the test servers' ports are random
        JakartaMailProbe production = probe(new SmtpHostGuard(
                new TenantSmtpProperties(null, true, false, false, false, 10).policy(), platform, SmtpHostGuard.DNS));
        JakartaMailProbe loopbackAllowed = probe(new SmtpHostGuard(
                new SmtpHostPolicy(Set.of(), true, true, false, false), platform, SmtpHostGuard.DNS));
        try (ScriptedSmtpServer untouched = ScriptedSmtpServer.start()) {
            ProbeResult loopback = production.probe(server(untouched.port(), SmtpSecurity.NONE, null, null));
            ProbeResult metadata = loopbackAllowed.probe(new SmtpServer(SmtpServer.ofTenant("acme"), "169.254.169.254",
                    25, SmtpSecurity.NONE, null, null, "mailer@acme.example"));
            ProbeResult platformServer = loopbackAllowed.probe(new SmtpServer(SmtpServer.ofTenant("acme"),
                    "localhost", platformPort, SmtpSecurity.NONE, null, null, "mailer@acme.example"));
            ProbeResult allowed = loopbackAllowed.probe(server(untouched.port(), SmtpSecurity.NONE, null, null));

            assertThat(List.of(loopback, metadata, platformServer)).allSatisfy(result -> {
                assertThat(result.ok()).isFalse();
                assertThat(result.stage()).isEqualTo(ProbeStage.CONNECT);
                assertThat(result.message()).contains(" is not allowed: ").endsWith("; nothing was tried");
                assertThat(result.duration()).isLessThan(TIMEOUT);
            });
            assertThat(loopback.message()).contains("a loopback address");
            assertThat(metadata.message()).contains("a link-local address");
            assertThat(platformServer.message()).contains("the platform's own SMTP server");
            assertThat(allowed.ok()).as(allowed.message()).isTrue();
            assertThat(untouched.connections()).as("only the allowed test connected").isEqualTo(1);
        }
    }

    private static JakartaMailProbe probe(SmtpHostGuard hosts) {
        NoDelaySocketFactory sockets = new NoDelaySocketFactory();
        return new JakartaMailProbe(new SmtpSessions(TIMEOUT, TIMEOUT, TIMEOUT, "test.local", sockets, watchdogs),
                sockets, hosts, Duration.ofSeconds(5), watchdogs);
    }

    private static JakartaMailProbe probe(Duration total) {
        NoDelaySocketFactory sockets = new NoDelaySocketFactory();
        return new JakartaMailProbe(new SmtpSessions(TIMEOUT, TIMEOUT, TIMEOUT, "test.local", sockets, watchdogs),
                sockets, TestTransports.localServers(), total, watchdogs);
    }

    private static SmtpServer server(int port, SmtpSecurity security, String username, String password) {
        return new SmtpServer(SmtpServer.ofTenant("acme"), "127.0.0.1", port, security, username, password,
                "mailer@acme.example");
    }
}
