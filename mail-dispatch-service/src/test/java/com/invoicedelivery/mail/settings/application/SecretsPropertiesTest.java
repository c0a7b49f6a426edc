package com.invoicedelivery.mail.settings.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import com.invoicedelivery.mail.settings.domain.SecretKeys;
import org.junit.jupiter.api.Test;

class SecretsPropertiesTest {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String OLD = Base64.getEncoder().encodeToString(new byte[] {
            1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29,
            30, 31, 32});

    @Test
    void theKeyEncryptsUnderItsIdAndPreviousKeysStillDecrypt() {
        SecretKeys previous = new SecretsProperties(OLD, "2025", "").secretKeys();
        SecretKeys keys = new SecretsProperties(KEY, "2026", "2025:" + OLD + ", 2024:" + KEY).secretKeys();

        assertThat(keys.currentKeyId()).isEqualTo("2026");
        assertThat(keys.open(previous.seal("secret", "ctx"), "ctx")).isEqualTo("secret");
    }

    @Test
    void withoutAKeyTheServiceRunsButCannotSeal() {
        assertThat(new SecretsProperties("", "default", "").secretKeys().canSeal()).isFalse();
        assertThat(new SecretsProperties(null, null, null).secretKeys().canSeal()).isFalse();
    }

    @Test
    void aKeyWithoutAnIdIsTheDefaultOne() {
        assertThat(new SecretsProperties(KEY, " ", null).secretKeys().currentKeyId()).isEqualTo("default");
    }

    @Test
    void aMisconfiguredKeyStopsTheStartNamingTheSettingButNeverTheKey() {
        assertThatThrownBy(() -> new SecretsProperties("not base64!", "k", "").secretKeys())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MAIL_SECRETS_KEY is not valid base64");
        assertThatThrownBy(() -> new SecretsProperties("c2hvcnQ=", "k", "").secretKeys())
                .hasMessageContaining("must be 32 bytes").hasMessageNotContaining("c2hvcnQ=");
        assertThatThrownBy(() -> new SecretsProperties(KEY, "k", "no-colon").secretKeys())
                .hasMessageContaining("id:base64");
        assertThatThrownBy(() -> new SecretsProperties("", "k", "old:" + OLD).secretKeys())
                .hasMessageContaining("MAIL_SECRETS_KEY is not");
        assertThat(new SecretsProperties(KEY, "k", "").toString()).doesNotContain(KEY);
    }
}
