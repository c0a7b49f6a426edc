package com.invoicedelivery.mail.smtp.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.application.TenantSmtpProperties;
import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.kit.testing.MovableClock;
import com.invoicedelivery.mail.testdata.ScriptedSmtpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SMTP adapter against a scripted server: replies, silence, refused connections, connection reuse. */
class JakartaMailTransportTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);
    private static final Duration IDLE = Duration.ofSeconds(30);

    private final ScriptedSmtpServer smtp = ScriptedSmtpServer.start();
    private final NoDelaySocketFactory sockets = new NoDelaySocketFactory();
    private final MovableClock clock = new MovableClock();
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final SmtpSessions sessions = new SmtpSessions(TIMEOUT, TIMEOUT, TIMEOUT, "test.local", sockets, timers);
    private final JakartaMailTransport transport = new JakartaMailTransport(
            new SmtpConnections(sessions, IDLE, clock, ConnectionSlots.UNLIMITED), TestTransports.localServers(),
            timers);

    @AfterEach
    void stop() throws Exception {
        transport.close();
        smtp.close();
    }

    @Test
    void anAcceptedMessageReportsTheServersReply() throws Exception {
        SmtpOutcome outcome = transport.send(server(smtp.port()), message());

        assertThat(outcome.accepted()).isTrue();
        assertThat(outcome.replyCode()).isEqualTo(250);
        assertThat(outcome.reply()).isEqualTo("250 2.0.0 Ok: queued as SCRIPTED1");
        assertThat(smtp.messagesAccepted()).isEqualTo(1);
    }

    @Test
    void messagesInARowShareOneConnectionMadeByTheNoDelaySocketFactory() throws Exception {
        transport.send(server(smtp.port()), message());
        transport.send(server(smtp.port()), message());
        transport.send(server(smtp.port()), message());

        assertThat(smtp.messagesAccepted()).isEqualTo(3);
        assertThat(smtp.connections()).isEqualTo(1);
        assertThat(sockets.socketsCreated()).as("every SMTP socket comes from the TCP_NODELAY factory").isEqualTo(1);
        assertThat(smtp.commands()).filteredOn("EHLO"::equals).hasSize(1);
    }

    @Test
    void aConnectionIdleForLongerThanTheIdleTimeoutIsClosedAndTheNextMessageOpensANewOne() throws Exception {
        transport.send(server(smtp.port()), message());
        clock.advance(IDLE.plusSeconds(1));
        transport.closeIdleConnections();
        transport.send(server(smtp.port()), message());

        assertThat(smtp.connections()).isEqualTo(2);
        assertThat(smtp.commands()).contains("QUIT");
    }

    @Test
    void theSocketsHaveNagleSwitchedOff() throws Exception {
        try (Socket socket = sockets.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void aTemporaryRefusalOfTheRecipientIsReportedWithItsCode() throws Exception {
        smtp.replying("RCPT", "451 4.7.1 Greylisted, please try again later");

        SmtpOutcome outcome = transport.send(server(smtp.port()), message());

        assertThat(outcome.replyCode()).isEqualTo(451);
        assertThat(outcome.reply()).contains("451 4.7.1 Greylisted");
        assertThat(outcome.accepted()).isFalse();
        assertThat(outcome.refusedPermanently()).isFalse();
    }

    @Test
    void aPermanentRefusalOfTheRecipientIsReportedWithTheReplyText() throws Exception {
        smtp.replying("RCPT", "550 5.1.1 <klient@beta.bg>: Recipient address rejected");

        SmtpOutcome outcome = transport.send(server(smtp.port()), message());

        assertThat(outcome.refusedPermanently()).isTrue();
        assertThat(outcome.reply()).contains("550 5.1.1 <klient@beta.bg>: Recipient address rejected");
    }

    @Test
    void aRefusalAfterTheDataIsReported() throws Exception {
        smtp.replying(ScriptedSmtpServer.END_OF_DATA, "554 5.7.1 Message rejected as spam");

        SmtpOutcome outcome = transport.send(server(smtp.port()), message());

        assertThat(outcome.replyCode()).isEqualTo(554);
        assertThat(outcome.reply()).contains("Message rejected as spam");
    }

    @Test
    void aRefusedPasswordIsReportedWithTheServersReply() throws Exception {
        smtp.requiringAuthentication().replying("AUTH", "535 5.7.8 Authentication credentials invalid");
        SmtpServer withPassword = new SmtpServer("tenant-x", "127.0.0.1", smtp.port(), SmtpSecurity.NONE, "user",
                "wrong", null);

        SmtpOutcome outcome = transport.send(withPassword, message());

        assertThat(outcome.replyCode()).isEqualTo(535);
        assertThat(outcome.reply()).contains("Authentication credentials invalid");
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws Exception {
        smtp.silent();
        long started = System.nanoTime();

        SmtpOutcome outcome = transport.send(server(smtp.port()), message());

        assertThat(outcome.replyCode()).isZero();
        assertThat(outcome.problem()).contains("did not answer in time");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aClosedPortIsReportedAsNoConnection() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }

        SmtpOutcome outcome = transport.send(server(closedPort), message());

        assertThat(outcome.replyCode()).isZero();
        assertThat(outcome.problem()).contains("could not connect");
    }

    @Test
    void aTenantsServerTheHostPolicyRefusesIsNotConnectedToAndTheOutcomeSaysWhy() throws Exception {
        TenantSmtpProperties productionDefaults = new TenantSmtpProperties(List.of(25, 465, 587, 2525), false, false,
                false, false, 10);
        SmtpHostGuard production = new SmtpHostGuard(productionDefaults.policy(), server(25), SmtpHostGuard.DNS);
        try (JakartaMailTransport strict = new JakartaMailTransport(
                new SmtpConnections(sessions, IDLE, clock, ConnectionSlots.UNLIMITED),
                production, timers)) {
            SmtpOutcome outcome = strict.send(tenant("127.0.0.1", smtp.port()), message());

            assertThat(outcome.hostRefused()).isTrue();
            assertThat(outcome.problem()).startsWith("The SMTP server 127.0.0.1:" + smtp.port() + " is not allowed:");
            assertThat(smtp.connections()).isZero();
        }
    }

    @Test
    void theConnectionGoesToTheAddressTheHostPolicyCheckedNotToASecondLookup() throws Exception {
        // the name is in no DNS: only the address the guard resolved and checked can be reached
        SmtpHostGuard pinned = new SmtpHostGuard(new SmtpHostPolicy(Set.of(), true, true, false, false), server(25),
                host -> List.of(InetAddress.getLoopbackAddress()));
        try (JakartaMailTransport transport = new JakartaMailTransport(
                new SmtpConnections(sessions, IDLE, clock, ConnectionSlots.UNLIMITED),
                pinned, timers)) {
            SmtpOutcome outcome = transport.send(tenant("smtp.tenant.invalid", smtp.port()), message());

            assertThat(outcome.accepted()).as(String.valueOf(outcome)).isTrue();
            assertThat(smtp.connections()).isEqualTo(1);
        }
    }

    private static SmtpServer tenant(String host, int port) {
        return new SmtpServer(SmtpServer.ofTenant("acme"), host, port, SmtpSecurity.NONE, null, null, null);
    }

    private static SmtpServer server(int port) {
        return new SmtpServer(SmtpServer.PLATFORM, "127.0.0.1", port, SmtpSecurity.NONE, null, null, null);
    }

    private static MimeMessage message() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("invoices@acme.invoicedelivery.local"));
        message.setRecipients(MimeMessage.RecipientType.TO, "klient@beta.bg");
        message.setSubject("Фактура", "UTF-8");
        message.setText("Здравейте", "UTF-8");
        message.saveChanges();
        return message;
    }
}
