package com.invoicedelivery.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import com.invoicedelivery.deploy.services.PlatformService;
import org.junit.jupiter.api.Test;

/** {@code ./run-local}'s options, read into settings without starting anything. */
class LocalPlatformMainTest {

    private static final Path ROOT = Path.of("/project");

    @Test
    void withoutOptionsOneInstanceOfEachServiceRunsOnTheDocumentedPortsWithOneBroker() {
        PlatformSettings settings = LocalPlatformMain.settings(ROOT, new String[0]);

        assertThat(settings.replicas()).isEqualTo(1);
        assertThat(settings.brokers()).isEqualTo(1);
        assertThat(settings.ports(PlatformService.INVOICE)).containsExactly(8081);
        assertThat(settings.ports(PlatformService.TRACKING)).containsExactly(8084);
        assertThat(settings.gatewayPort()).as("the one port the README and the banner name").isEqualTo(8080);
    }

    @Test
    void twoReplicasPutTheSecondInstanceOfEachServiceTenPortsAboveTheFirstAndThreeBrokersAreThree() {
        PlatformSettings settings = LocalPlatformMain.settings(ROOT,
                new String[] {"--replicas", "2", "--brokers", "3"});

        assertThat(settings.replicas()).isEqualTo(2);
        assertThat(settings.brokers()).isEqualTo(3);
        assertThat(settings.ports(PlatformService.INVOICE)).containsExactly(8081, 8091);
        assertThat(settings.ports(PlatformService.PDF)).containsExactly(8082, 8092);
        assertThat(settings.ports(PlatformService.MAIL_DISPATCH)).containsExactly(8083, 8093);
        assertThat(settings.ports(PlatformService.TRACKING)).containsExactly(8084, 8094);
        assertThat(settings.port(PlatformService.INVOICE)).as("the instance the others call").isEqualTo(8081);
    }

    @Test
    void theServicesStartOnTheC1CompilerAloneUnlessALongRunIsAskedFor() {
        PlatformSettings quick = LocalPlatformMain.settings(ROOT, new String[0]);
        PlatformSettings longRun = LocalPlatformMain.settings(ROOT, new String[] {"--replicas", "2", "--long-run"});

        assertThat(quick.serviceJvmOptions()).contains("-XX:TieredStopAtLevel=1");
        assertThat(longRun.serviceJvmOptions()).as("full tiered compilation: no level to stop at")
                .noneMatch(option -> option.startsWith("-XX:TieredStopAtLevel"))
                .containsAll(quick.serviceJvmOptions().stream()
                        .filter(option -> !option.startsWith("-XX:TieredStopAtLevel")).toList());
        assertThat(longRun.replicas()).as("the other options still apply").isEqualTo(2);
    }

    @Test
    void anUnknownOptionAMissingNumberOrANumberOutOfRangeIsRefusedWithTheReason() {
        for (List<String> wrong : List.of(List.of("--replicas"), List.of("--replicas", "two"),
                List.of("--brokers", "0"), List.of("--replicas", "6"), List.of("--nodes", "3"),
                List.of("--long-run=yes"))) {
            assertThatThrownBy(() -> LocalPlatformMain.settings(ROOT, wrong.toArray(String[]::new)))
                    .as(String.join(" ", wrong))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(wrong.get(0));
        }
    }

    @Test
    void isolatedSettingsGiveEveryInstanceAPortOfItsOwn() {
        PlatformSettings settings = PlatformSettings.isolated(ROOT, ROOT.resolve("data"), 2, 3);

        List<Integer> ports = settings.replicaPorts().values().stream().flatMap(List::stream).toList();
        assertThat(ports).hasSize(8).doesNotHaveDuplicates().doesNotContain(settings.gatewayPort());
        assertThat(settings.brokers()).isEqualTo(3);
    }
}
