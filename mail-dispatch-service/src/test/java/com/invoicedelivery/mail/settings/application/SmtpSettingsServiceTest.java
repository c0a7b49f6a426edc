package com.invoicedelivery.mail.settings.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.invoicedelivery.kit.problem.ConflictException;
import com.invoicedelivery.kit.testing.EmbeddedMongo;
import com.invoicedelivery.mail.settings.domain.InvalidSmtpSettingsException;
import com.invoicedelivery.mail.settings.domain.SecretKeys;
import com.invoicedelivery.mail.settings.domain.SecretsUnavailableException;
import com.invoicedelivery.mail.settings.domain.SmtpSettings;
import com.invoicedelivery.mail.settings.domain.SmtpSettingsChange;
import com.invoicedelivery.mail.settings.persistence.SmtpSettingsStore;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import com.invoicedelivery.kit.testing.MovableClock;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.SimpleMongoClientDatabaseFactory;

/** The settings with their real store on the embedded MongoDB-wire server; the connection test replaced. */
class SmtpSettingsServiceTest {

    private static final String PASSWORD = "Pw-" + UUID.randomUUID();
    private static final byte[] OLD_KEY = key();
    private static final byte[] NEW_KEY = key();

    private final MongoTemplate mongo = new MongoTemplate(new SimpleMongoClientDatabaseFactory(
            EmbeddedMongo.uri("mail_settings_" + UUID.randomUUID().toString().replace("-", ""))));
    private final SmtpSettingsStore store = started(new SmtpSettingsStore(mongo));
    private final SmtpProbe probe = mock(SmtpProbe.class);
    private final MovableClock clock = new MovableClock();

    /** As Spring starts it: with its index (the strict embedded store refuses the rotation's query without it). */
    private static SmtpSettingsStore started(SmtpSettingsStore store) {
        store.afterPropertiesSet();
        return store;
    }

    @Test
    void thePasswordIsStoredEncryptedUnderTheCurrentKeyAndReadBackForSending() {
        SmtpSettingsService settings = service(SecretKeys.of("k1", OLD_KEY, Map.of()));

        SmtpSettings saved = settings.save("acme", change("mailer", PASSWORD));

        assertThat(saved.password().keyId()).isEqualTo("k1");
        Document stored = mongo.findById("acme", Document.class, SmtpSettingsStore.COLLECTION);
        assertThat(stored.toJson()).doesNotContain(PASSWORD).contains("\"keyId\": \"k1\"");
        SmtpServer server = settings.serverOf("acme").orElseThrow();
        assertThat(server.password()).isEqualTo(PASSWORD);
        assertThat(server.reference()).isEqualTo(SmtpServer.ofTenant("acme"));
        assertThat(server.fromAddress()).isEqualTo("fakturi@acme.bg");
        assertThat(server.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void aPasswordLeftOutKeepsTheStoredOneAndNoUserNameDropsIt() {
        SmtpSettingsService settings = service(SecretKeys.of("k1", OLD_KEY, Map.of()));
        settings.save("acme", change("mailer", PASSWORD));

        settings.save("acme", new SmtpSettingsChange("smtp2.acme.bg", 465, "TLS", "mailer", null, "f@acme.bg"));
        assertThat(settings.serverOf("acme").orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(settings.serverOf("acme").orElseThrow().host()).isEqualTo("smtp2.acme.bg");

        settings.save("acme", new SmtpSettingsChange("relay.acme.bg", 25, "NONE", null, null, "f@acme.bg"));
        assertThat(settings.find("acme").orElseThrow().passwordSet()).isFalse();
    }

    @Test
    void aPasswordUnderAPreviousKeyIsEncryptedAgainUnderTheNewOneWhenReadAndAtStart() {
        service(SecretKeys.of("k1", OLD_KEY, Map.of())).save("acme", change("mailer", PASSWORD));
        service(SecretKeys.of("k1", OLD_KEY, Map.of())).save("beta", change("mailer", PASSWORD));
        SmtpSettingsService rotated = service(SecretKeys.of("k2", NEW_KEY, Map.of("k1", OLD_KEY)));

        assertThat(rotated.serverOf("acme").orElseThrow().password()).isEqualTo(PASSWORD);
        assertThat(store.find("acme").orElseThrow().password().keyId()).isEqualTo("k2");
        assertThat(rotated.resealAll()).as("only beta was still under k1").isEqualTo(1);
        assertThat(store.find("beta").orElseThrow().password().keyId()).isEqualTo("k2");
        assertThat(service(SecretKeys.of("k2", NEW_KEY, Map.of())).serverOf("beta").orElseThrow().password())
                .as("the old key is no longer needed").isEqualTo(PASSWORD);
    }

    @Test
    void withoutAKeyAPasswordIsRefusedAndNothingStored() {
        SmtpSettingsService settings = service(SecretKeys.none());

        assertThatThrownBy(() -> settings.save("acme", change("mailer", PASSWORD)))
                .isInstanceOf(SecretsUnavailableException.class).hasMessageNotContaining(PASSWORD);
        assertThat(settings.find("acme")).isEmpty();
        assertThat(settings.save("acme", new SmtpSettingsChange("relay.acme.bg", 25, "NONE", null, null,
                "f@acme.bg")).passwordSet()).as("a server without login needs no key").isFalse();
    }

    @Test
    void invalidSettingsChangeNothing() {
        SmtpSettingsService settings = service(SecretKeys.of("k1", OLD_KEY, Map.of()));
        settings.save("acme", change("mailer", PASSWORD));

        assertThatThrownBy(() -> settings.save("acme", new SmtpSettingsChange("", 0, "x", null, null, "x")))
                .isInstanceOf(InvalidSmtpSettingsException.class);
        assertThat(settings.find("acme").orElseThrow().host()).isEqualTo("smtp.acme.bg");
    }

    @Test
    void aTestTriesTheStoredSettingsOrTheOnesGivenWithTheStoredPassword() {
        SmtpSettingsService settings = service(SecretKeys.of("k1", OLD_KEY, Map.of()));
        given(probe.probe(any())).willReturn(ProbeResult.passed("ok", Duration.ofMillis(5)));
        assertThatThrownBy(() -> settings.test("acme", null)).isInstanceOf(ConflictException.class);
        settings.save("acme", change("mailer", PASSWORD));

        settings.test("acme", new SmtpSettingsChange(null, null, null, null, null, null));
        settings.test("acme", new SmtpSettingsChange("other.acme.bg", 2525, "NONE", "mailer", null, "f@acme.bg"));

        ArgumentCaptor<SmtpServer> tried = ArgumentCaptor.forClass(SmtpServer.class);
        verify(probe, times(2)).probe(tried.capture());
        assertThat(tried.getAllValues()).extracting(SmtpServer::host).containsExactly("smtp.acme.bg", "other.acme.bg");
        assertThat(tried.getAllValues()).extracting(SmtpServer::password).containsOnly(PASSWORD);
        assertThat(settings.find("acme").orElseThrow().host()).as("a test stores nothing").isEqualTo("smtp.acme.bg");
    }

    private SmtpSettingsService service(SecretKeys keys) {
        return new SmtpSettingsService(store, keys, probe, new ConnectionTestLimit(10, System::nanoTime), clock);
    }

    private static SmtpSettingsChange change(String username, String password) {
        return new SmtpSettingsChange("smtp.acme.bg", 587, SmtpSecurity.STARTTLS.name(), username, password,
                "fakturi@acme.bg");
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
