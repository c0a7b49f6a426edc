package com.invoicedelivery.mail.smtp.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.mail.smtp.persistence.StoredLoginRefusals;
import com.invoicedelivery.kit.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

class LoginRefusalGuardTest {

    private static final SmtpServer WRONG = server("wrong");
    private static final SmtpOutcome REFUSED = SmtpOutcome.replied(535, "535 5.7.8 Authentication credentials invalid");

    private final List<SmtpServer> logins = new ArrayList<>();
    private final MovableClock clock = new MovableClock();
    /** The store the replicas share, a database of its own per test. */
    private final MongoTemplate store = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("mail_refusals_" + UUID.randomUUID().toString().replace("-", ""))));
    private final LoginRefusalGuard guard = replica();

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
        }, new StoredLoginRefusals(store), Duration.ofMinutes(5), clock);

        deferring.send(WRONG, null);
        deferring.send(WRONG, null);

        assertThat(logins).hasSize(2);
    }

    @Test
    void aLoginRefusedToOneReplicaIsNotTriedByAnotherDuringThePause() {
        LoginRefusalGuard other = replica();
        guard.send(WRONG, null);

        SmtpOutcome seenByTheOther = other.send(WRONG, null);

        assertThat(logins).hasSize(1);
        assertThat(seenByTheOther.loginRefused()).isTrue();
        assertThat(seenByTheOther.problem()).contains("2026-11-28T10:05:00Z");
        clock.advance(Duration.ofMinutes(5));
        assertThat(other.send(WRONG, null)).isEqualTo(REFUSED);
        assertThat(logins).hasSize(2);
    }

    @Test
    void theStoreKeepsNoPasswordInAReadableForm() {
        guard.send(WRONG, null);

        assertThat(store.findAll(org.bson.Document.class, StoredLoginRefusals.COLLECTION))
                .singleElement().satisfies(refusal -> assertThat(refusal.toJson()).doesNotContain("wrong")
                        .contains(SmtpServer.ofTenant("acme")));
    }

    /** One replica of the service: its own guard, the shared store, the same server behind. */
    private LoginRefusalGuard replica() {
        return new LoginRefusalGuard((server, message) -> {
            logins.add(server);
            return "wrong".equals(server.password()) ? REFUSED : SmtpOutcome.replied(250, "250 OK");
        }, new StoredLoginRefusals(store), Duration.ofMinutes(5), clock);
    }

    private static SmtpServer server(String password) {
        return new SmtpServer(SmtpServer.ofTenant("acme"), "smtp.acme.bg", 587, SmtpSecurity.STARTTLS, "mailer",
                password, "fakturi@acme.bg");
    }
}
