package com.invoicedelivery.mail.smtp.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/** The real SMTP transport, wired as the service wires it, for tests outside this package. */
public final class TestTransports {

    private TestTransports() {
    }

    /**
     * @param timeout connect, read and write timeout
     * @return closing it closes its connections and its timer thread
     */
    public static JakartaMailTransport jakartaMail(Duration timeout, Clock clock) {
        var timers = Executors.newSingleThreadScheduledExecutor();
        SmtpSessions sessions = new SmtpSessions(timeout, timeout, timeout, "test.local", new NoDelaySocketFactory(),
                timers);
        return new JakartaMailTransport(new SmtpConnections(sessions, Duration.ofSeconds(30), clock), timers);
    }
}
