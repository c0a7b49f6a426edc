package com.invoicedelivery.mail.smtp.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.testdata.MovableClock;
import org.junit.jupiter.api.Test;

class LoginRefusalGuardTest {

    private static final SmtpServer WRONG = server("wrong");
    private static final SmtpOutcome REFUSED = SmtpOutcome.replied(535, "535 5.7.8 Authentication credentials invalid");

    private final List<SmtpServer> logins = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    private final LoginRefusalGuard guard = new LoginRefusalGuard((server, message) -> {
        logins.add(server);
        return "wrong".equals(server.password()) ? REFUSED : SmtpOutcome.replied(250, "250 OK");
    }, Duration.ofMinutes(5), clock);

    @Test
    void afterARefusedLoginTheSameSettingsAreNotTriedAgainDuringThePause() {
        SmtpOutcome first = guard.send(WRONG, null);
        SmtpOutcome second = guard.send(WRONG, null);
        SmtpOutcome third = guard.send(WRONG, null);

        assertThat(logins).hasSize(1);
        assertThat(first).isEqualTo(REFUSED);
        assertThat(second.reply()).isEqualTo(REFUSED.reply());
        assertThat(second.loginRefused()).isTrue();
        assertThat(second.problem()).startsWith("this message was not tried: the server refused the same login at"
                + " 2026-11-28T10:00:00Z");
        assertThat(third.loginRefused()).isTrue();
    }

    @Test
    void newSettingsAreTriedAtOnceAndOldOnesAgainAfterThePause() {
        guard.send(WRONG, null);

        assertThat(guard.send(server("right"), null).accepted()).isTrue();
        clock.advance(Duration.ofMinutes(5));
        assertThat(guard.send(WRONG, null)).isEqualTo(REFUSED);
        assertThat(logins).hasSize(3);
    }

    @Test
    void otherFailuresAreNotRemembered() {
        LoginRefusalGuard deferring = new LoginRefusalGuard((server, message) -> {
            logins.add(server);
            return SmtpOutcome.replied(451, "451 4.3.0 Try again later");
        }, Duration.ofMinutes(5), clock);

        deferring.send(WRONG, null);
        deferring.send(WRONG, null);

        assertThat(logins).hasSize(2);
    }

    private static SmtpServer server(String password) {
        return new SmtpServer(SmtpServer.ofTenant("acme"), "smtp.acme.bg", 587, SmtpSecurity.STARTTLS, "mailer",
                password, "fakturi@acme.bg");
    }
}
