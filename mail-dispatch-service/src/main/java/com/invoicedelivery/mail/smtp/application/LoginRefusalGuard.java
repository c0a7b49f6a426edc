package com.invoicedelivery.mail.smtp.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.internet.MimeMessage;

/**
 * Keeps a refused login from becoming a storm of logins: once a server refused the login (530, 534, 535, 538),
 * further messages through that server with the same settings get the same answer at once, for a pause, instead
 * of each logging in again (which gets nothing through and gets accounts locked). New settings (another password)
 * are another server value and are tried at once.
 */
public class LoginRefusalGuard implements MailTransport {

    private final MailTransport transport;
    private final Duration pause;
    private final Clock clock;
    private final Map<SmtpServer, Refusal> refusals = new ConcurrentHashMap<>();

    public LoginRefusalGuard(MailTransport transport, Duration pause, Clock clock) {
        this.transport = transport;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public SmtpOutcome send(SmtpServer server, MimeMessage message) {
        Instant now = clock.instant();
        Refusal refusal = refusals.get(server);
        if (refusal != null && now.isBefore(refusal.until())) {
            return refusal.outcome().remembered("this message was not tried: the server refused the same login at "
                    + refusal.at() + ", and messages through it with these settings are not tried again before "
                    + refusal.until());
        }
        SmtpOutcome outcome = transport.send(server, message);
        if (outcome.loginRefused()) {
            refusals.values().removeIf(earlier -> !now.isBefore(earlier.until()));
            refusals.put(server, new Refusal(outcome, now, now.plus(pause)));
        }
        return outcome;
    }

    private record Refusal(SmtpOutcome outcome, Instant at, Instant until) {
    }
}
