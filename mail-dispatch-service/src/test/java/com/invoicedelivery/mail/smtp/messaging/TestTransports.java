package com.invoicedelivery.mail.smtp.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;

import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/** The real SMTP transport, wired as the service wires it, for tests outside this package. */
public final class TestTransports {

    private TestTransports() {
    }

    /**
     * @param timeout connect, read and write timeout
     * @return closing it closes its connections and its timer thread
     */
    public static JakartaMailTransport jakartaMail(Duration timeout, Clock clock) {
        return jakartaMail(timeout, clock, ConnectionSlots.UNLIMITED);
    }

    /** @param tenantServerSlots the connection slots of tenants' servers, as one replica holds them */
    public static JakartaMailTransport jakartaMail(Duration timeout, Clock clock, ConnectionSlots tenantServerSlots) {
        var timers = Executors.newSingleThreadScheduledExecutor();
        SmtpSessions sessions = new SmtpSessions(timeout, timeout, timeout, "test.local", new NoDelaySocketFactory(),
                timers);
        return new JakartaMailTransport(new SmtpConnections(sessions, Duration.ofSeconds(30), clock,
                tenantServerSlots), localServers(), timers);
    }

    /**
     * The host policy of tests and local runs: servers on this machine, on any port, the platform's included
     * (production refuses all three).
     */
    public static SmtpHostGuard localServers() {
        return new SmtpHostGuard(new SmtpHostPolicy(Set.of(), true, true, false, true),
                new SmtpServer(SmtpServer.PLATFORM, "localhost", 25, SmtpSecurity.NONE, null, null, null),
                SmtpHostGuard.DNS);
    }
}
