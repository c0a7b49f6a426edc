package com.invoicedelivery.mail.smtp.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.application.LoginRefusals.Refusal;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a refused login from becoming a storm of logins: once a server refused the login (530, 534, 535, 538),
 * further messages through that server with the same settings get the same answer at once, for a pause, instead
 * of each logging in again (which gets nothing through and gets accounts locked). New settings (another password)
 * are another server value and are tried at once. The refusals are shared by the replicas ({@link LoginRefusals}):
 * a login refused to one replica is not tried by the others either.
 */
public class LoginRefusalGuard implements MailTransport {

    private static final Logger log = LoggerFactory.getLogger(LoginRefusalGuard.class);

    private final MailTransport transport;
    private final LoginRefusals refusals;
    private final Duration pause;
    private final Clock clock;

    public LoginRefusalGuard(MailTransport transport, LoginRefusals refusals, Duration pause, Clock clock) {
        this.transport = transport;
        this.refusals = refusals;
        this.pause = pause;
        this.clock = clock;
    }

    @Override
    public SmtpOutcome send(SmtpServer server, MimeMessage message) {
        Instant now = clock.instant();
        Optional<Refusal> refusal = current(server, now);
        if (refusal.isPresent()) {
            return refusal.get().outcome().remembered("this message was not tried: the server refused the same login"
                    + " at " + refusal.get().at() + ", and messages through it with these settings are not tried"
                    + " again before " + refusal.get().until());
        }
        SmtpOutcome outcome = transport.send(server, message);
        if (outcome.loginRefused()) {
            try {
                refusals.remember(server, new Refusal(outcome, now, now.plus(pause)));
            } catch (RuntimeException e) {
                log.warn("the refused login of {} could not be remembered for the other replicas: {}",
                        server.reference(), e.toString());
            }
        }
        return outcome;
    }

    /**
     * A server that cannot tell whether a login was refused lately (the store is away) lets the message try: one
     * more login per message at worst, while the store's absence stops most else anyway.
     */
    private Optional<Refusal> current(SmtpServer server, Instant now) {
        try {
            return refusals.current(server, now);
        } catch (RuntimeException e) {
            log.warn("the refused logins cannot be read, {} is tried: {}", server.reference(), e.toString());
            return Optional.empty();
        }
    }
}
