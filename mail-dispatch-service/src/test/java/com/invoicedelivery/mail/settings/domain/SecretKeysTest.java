package com.invoicedelivery.mail.settings.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretKeysTest {

    private static final byte[] CURRENT = key();
    private static final byte[] OLD = key();
    private static final String CONTEXT = SmtpSettings.passwordContext("acme");

    private final SecretKeys keys = SecretKeys.of("k2", CURRENT, Map.of("k1", OLD));

    @Test
    void aSealedSecretOpensAgainAndHoldsNoTraceOfThePlainText() {
        SealedSecret sealed = keys.seal("Пароль-123", CONTEXT);

        assertThat(sealed.keyId()).isEqualTo("k2");
        assertThat(sealed.iv()).hasSize(12);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("123");
        assertThat(sealed.toString()).doesNotContain("Пароль");
        assertThat(keys.open(sealed, CONTEXT)).isEqualTo("Пароль-123");
    }

    @Test
    void everyEncryptionHasItsOwnIv() {
        SealedSecret first = keys.seal("same", CONTEXT);
        SealedSecret second = keys.seal("same", CONTEXT);

        assertThat(first.iv()).isNotEqualTo(second.iv());
        assertThat(first.ciphertext()).isNotEqualTo(second.ciphertext());
    }

    @Test
    void aSecretMovedToAnotherTenantDoesNotOpen() {
        SealedSecret sealed = keys.seal("secret", CONTEXT);

        assertThatThrownBy(() -> keys.open(sealed, SmtpSettings.passwordContext("other")))
                .isInstanceOf(SecretsUnavailableException.class).hasMessageContaining("does not decrypt")
                .hasMessageNotContaining("secret\"");
    }

    @Test
    void aPreviousKeyStillOpensWhatItSealedWhichIsThenNotCurrent() {
        SealedSecret underOldKey = SecretKeys.of("k1", OLD, Map.of()).seal("secret", CONTEXT);

        assertThat(keys.open(underOldKey, CONTEXT)).isEqualTo("secret");
        assertThat(keys.isCurrent(underOldKey)).isFalse();
        assertThat(keys.isCurrent(keys.seal("secret", CONTEXT))).isTrue();
    }

    @Test
    void aSecretUnderAKeyNoLongerConfiguredSaysWhichKeyIsMissing() {
        SealedSecret sealed = SecretKeys.of("k0", key(), Map.of()).seal("secret", CONTEXT);

        assertThatThrownBy(() -> keys.open(sealed, CONTEXT)).isInstanceOf(SecretsUnavailableException.class)
                .hasMessageContaining("'k0'").hasMessageContaining("not configured");
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        assertThat(SecretKeys.none().canSeal()).isFalse();
        assertThatThrownBy(() -> SecretKeys.none().seal("secret", CONTEXT))
                .isInstanceOf(SecretsUnavailableException.class).hasMessageContaining("MAIL_SECRETS_KEY");
    }

    @Test
    void keysMustBe32BytesAndIdsUnique() {
        assertThatThrownBy(() -> SecretKeys.of("k", new byte[16], Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> SecretKeys.of("k", CURRENT, Map.of("k", OLD)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("used twice");
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
