package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

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
}
