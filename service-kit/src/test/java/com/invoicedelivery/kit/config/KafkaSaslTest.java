package com.invoicedelivery.kit.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.common.security.JaasContext;
import org.junit.jupiter.api.Test;

class KafkaSaslTest {

    @Test
    void aPasswordWithQuotesBackslashesAndSemicolonsIsReadBackByKafkaAsExactlyThatPassword() {
        String password = "p\"a\\ss; evil=\"x\" word";
        String line = KafkaSasl.jaasConfig("SCRAM-SHA-512", "invoice-service", password);

        List<AppConfigurationEntry> entries = JaasContext
                .loadClientContext(Map.of(SaslConfigs.SASL_JAAS_CONFIG, new Password(line))).configurationEntries();

        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).getLoginModuleName()).isEqualTo("org.apache.kafka.common.security.scram.ScramLoginModule");
        assertThat(entries.get(0).getOptions()).isEqualTo(Map.of("username", "invoice-service", "password", password));
    }

    @Test
    void plainLogsInWithThePlainLoginModule() {
        assertThat(KafkaSasl.jaasConfig("PLAIN", "u", "p"))
                .startsWith("org.apache.kafka.common.security.plain.PlainLoginModule required");
    }

    @Test
    void aMechanismWithoutAUserNameAndPasswordLineIsRefused() {
        assertThatThrownBy(() -> KafkaSasl.jaasConfig("OAUTHBEARER", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sasl.jaas.config");
    }

    @Test
    void aMissingPasswordIsRefusedRatherThanSentEmpty() {
        assertThatThrownBy(() -> KafkaSasl.jaasConfig("SCRAM-SHA-512", "u", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no password");
    }
}
