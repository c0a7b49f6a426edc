package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

import com.invoicedelivery.deploy.services.PlatformService;
import org.junit.jupiter.api.Test;

class PlatformSettingsTest {

    private static final Path ROOT = Path.of(".");

    @Test
    void anIsolatedPlatformsPortsAreAllDifferentThoughTheSystemHandsOneOutTwice() {
        // the system's free ports as they came in a run of the fault suite: one of them twice in a row
        IntSupplier systemPorts = new IntSupplier() {
            private int next = 38_500;
            private int calls;

            @Override
            public int getAsInt() {
                return ++calls % 2 == 0 ? next : next++;
            }
        };

        PlatformSettings settings = PlatformSettings.isolated(ROOT, ROOT.resolve("data"), 2, 1, systemPorts);

        List<Integer> ports = new ArrayList<>(List.of(settings.mongoPort(), settings.smtpPort(), settings.imapPort(),
                settings.inboxWebPort(), settings.identityProviderPort(), settings.gatewayPort(),
                PlatformService.managementPort(settings.gatewayPort())));
        for (PlatformService service : PlatformService.values()) {
            for (int port : settings.ports(service)) {
                ports.add(port);
                ports.add(PlatformService.managementPort(port));
            }
        }
        assertThat(ports).doesNotHaveDuplicates().hasSize(7 + PlatformService.values().length * 2 * 2);
    }
}
