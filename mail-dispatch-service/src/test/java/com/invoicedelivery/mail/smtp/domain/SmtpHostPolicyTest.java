package com.invoicedelivery.mail.smtp.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a tenant's SMTP server may be, address class by address class, with production's defaults. */
class SmtpHostPolicyTest {

    private static final SmtpHostPolicy STRICT = new SmtpHostPolicy(Set.of(25, 465, 587, 2525), false, false, false,
            false);

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.8.9.10, LOOPBACK", "::1, LOOPBACK",
            "169.254.169.254, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "10.1.2.3, PRIVATE", "172.16.0.1, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "100.64.0.1, PRIVATE", "fd12:3456::1, PRIVATE", "fc00::1, PRIVATE",
            "224.0.0.1, MULTICAST", "ff02::1, MULTICAST",
            "0.0.0.0, UNSPECIFIED", "0.1.2.3, UNSPECIFIED", "::, UNSPECIFIED",
            "93.184.216.34, PUBLIC", "172.32.0.1, PUBLIC", "2606:4700::1111, PUBLIC",
            "::ffff:127.0.0.1, LOOPBACK", "64:ff9b::a9fe:a9fe, LINK_LOCAL", "::10.0.0.1, PRIVATE"})
    void everyAddressHasItsClass(String address, AddressClass expected) throws Exception {
        assertThat(AddressClass.of(InetAddress.getByName(address))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "::1", "169.254.169.254", "fe80::1", "10.0.0.5", "172.20.1.1",
            "192.168.0.10", "fd00::5", "224.0.0.251", "0.0.0.0", "::"})
    void productionRefusesEveryAddressThatIsNotPublic(String address) throws Exception {
        InetAddress resolved = InetAddress.getByName(address);

        assertThat(STRICT.refusal("smtp.tenant.example", 587, List.of(resolved), false)).hasValue(
                "smtp.tenant.example resolves to " + resolved.getHostAddress() + ", "
                        + AddressClass.of(resolved).description() + ", where a tenant's SMTP server may not be");
    }

    @Test
    void aPublicAddressOnAnSmtpPortIsAllowed() throws Exception {
        for (int port : List.of(25, 465, 587, 2525)) {
            assertThat(STRICT.refusal("smtp.tenant.example", port, List.of(InetAddress.getByName("93.184.216.34")),
                    false)).isEmpty();
        }
    }

    @Test
    void anotherPortIsRefusedUnlessAnyPortIsAllowed() throws Exception {
        List<InetAddress> publicAddress = List.of(InetAddress.getByName("93.184.216.34"));

        assertThat(STRICT.refusal("smtp.tenant.example", 22, publicAddress, false))
                .hasValue("port 22 is not allowed for a tenant's SMTP server (allowed: 25, 465, 587, 2525)");
        assertThat(new SmtpHostPolicy(Set.of(25), true, false, false, false)
                .refusal("smtp.tenant.example", 22, publicAddress, false)).isEmpty();
    }

    @Test
    void oneBadAddressAmongGoodOnesRefusesTheHost() throws Exception {
        List<InetAddress> addresses = List.of(InetAddress.getByName("93.184.216.34"),
                InetAddress.getByName("10.0.0.5"));

        assertThat(STRICT.refusal("smtp.tenant.example", 25, addresses, false)).hasValueSatisfying(
                reason -> assertThat(reason).contains("10.0.0.5, a private network address"));
    }

    @Test
    void loopbackAndPrivateAddressesAndThePlatformsServerAreAllowedOnlyWhenConfigured() throws Exception {
        SmtpHostPolicy local = new SmtpHostPolicy(Set.of(25), false, true, true, true);

        assertThat(local.refusal("localhost", 25, List.of(InetAddress.getByName("127.0.0.1")), false)).isEmpty();
        assertThat(local.refusal("relay", 25, List.of(InetAddress.getByName("10.0.0.5")), false)).isEmpty();
        assertThat(local.refusal("smtp.platform", 25, List.of(InetAddress.getByName("93.184.216.34")), true))
                .isEmpty();
        assertThat(STRICT.refusal("smtp.platform", 25, List.of(InetAddress.getByName("93.184.216.34")), true))
                .hasValue("smtp.platform:25 is the platform's own SMTP server, which a tenant's settings may not"
                        + " name");
    }

    @Test
    void linkLocalMulticastAndUnspecifiedAddressesAreNeverAllowed() throws Exception {
        SmtpHostPolicy permissive = new SmtpHostPolicy(Set.of(), true, true, true, true);

        for (String address : List.of("169.254.169.254", "fe80::1", "224.0.0.1", "0.0.0.0")) {
            assertThat(permissive.refusal("h", 25, List.of(InetAddress.getByName(address)), false)).isPresent();
        }
    }
}
