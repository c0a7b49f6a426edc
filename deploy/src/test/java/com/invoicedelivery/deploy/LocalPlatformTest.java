package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.deploy.infra.BusPermissions;
import com.invoicedelivery.deploy.services.PlatformService;
import org.junit.jupiter.api.Test;

/** What the launcher gives each service, without starting anything. */
class LocalPlatformTest {

    @Test
    void onlyMailDispatchIsGivenTheKeyThatEncryptsTenantsSmtpPasswords() {
        assertThat(LocalPlatform.secretsFor(PlatformService.MAIL_DISPATCH, () -> "a2V5"))
                .containsEntry("MAIL_SECRETS_KEY", "a2V5")
                .containsEntry("MAIL_SECRETS_KEY_ID", "local-1");
        assertThat(Arrays.stream(PlatformService.values()).filter(service -> service != PlatformService.MAIL_DISPATCH))
                .isNotEmpty()
                .allSatisfy(service -> assertThat(LocalPlatform.secretsFor(service, () -> {
                    throw new AssertionError("the key was read for " + service);
                })).isEmpty());
    }

    @Test
    void invoiceServiceGetsOnlyThePublicLinkSealKeyAndMailDispatchAloneThePrivateOne() {
        List<Path> keys = List.of(Path.of("/keys/link-seal-private.pem"), Path.of("/keys/link-seal-public.pem"));

        assertThat(LocalPlatform.linkSealKeysFor(PlatformService.INVOICE, keys))
                .containsExactly(Map.entry("LINK_SEAL_PUBLIC_KEY", "/keys/link-seal-public.pem"));
        assertThat(LocalPlatform.linkSealKeysFor(PlatformService.MAIL_DISPATCH, keys))
                .containsExactly(Map.entry("LINK_SEAL_PRIVATE_KEY", "/keys/link-seal-private.pem"));
        assertThat(LocalPlatform.linkSealKeysFor(PlatformService.PDF, keys)).isEmpty();
        assertThat(LocalPlatform.linkSealKeysFor(PlatformService.TRACKING, keys)).isEmpty();
    }

    @Test
    void eachServiceReachesTheBusAsItsOwnPrincipalWithItsOwnPassword() {
        assertThat(LocalPlatform.kafkaEnvironment("localhost:9092", "pdf-service", "pw"))
                .containsEntry("KAFKA_BROKERS", "localhost:9092")
                .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT")
                .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                .containsEntry("KAFKA_USERNAME", "pdf-service")
                .containsEntry("KAFKA_PASSWORD", "pw");
        assertThat(Arrays.stream(PlatformService.values()).map(PlatformService::module))
                .allSatisfy(module -> assertThat(BusPermissions.of(module).principal()).isEqualTo(module));
    }
}
