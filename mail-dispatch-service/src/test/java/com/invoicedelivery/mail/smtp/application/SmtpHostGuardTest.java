package com.invoicedelivery.mail.smtp.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.junit.jupiter.api.Test;

/** The host policy applied to servers, with the name lookups stubbed: one lookup, every address checked. */
class SmtpHostGuardTest {

    private static final SmtpHostPolicy STRICT = new SmtpHostPolicy(Set.of(25, 465, 587, 2525), false, false, false,
            false);
    private static final SmtpServer PLATFORM = new SmtpServer(SmtpServer.PLATFORM, "relay.platform.internal", 587,
            SmtpSecurity.STARTTLS, "platform", "secret", null);

    private final List<String> lookups = new ArrayList<>();
    private final Map<String, List<String>> dns = Map.of(
            "smtp.tenant.example", List.of("93.184.216.34"),
            "mixed.tenant.example", List.of("93.184.216.34", "192.168.1.20"),
            "metadata.tenant.example", List.of("169.254.169.254"),
            "relay.platform.internal", List.of("93.184.216.99"),
            "alias-of-platform.example", List.of("93.184.216.99"));
    private final SmtpHostGuard guard = new SmtpHostGuard(STRICT, PLATFORM, this::resolve);

    @Test
    void aPublicServerIsCheckedWithOneLookupAndItsAddressIsTheOneToConnectTo() throws Exception {
        InetAddress address = guard.check(tenant("smtp.tenant.example", 25));

        assertThat(address.getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(lookups).containsExactly("smtp.tenant.example");
    }

    @Test
    void aNameWithOnePrivateAddressAmongItsAddressesIsRefused() {
        assertThatThrownBy(() -> guard.check(tenant("mixed.tenant.example", 587)))
                .isInstanceOf(SmtpHostRefusedException.class)
                .hasMessage("The SMTP server mixed.tenant.example:587 is not allowed: mixed.tenant.example resolves"
                        + " to 192.168.1.20, a private network address, where a tenant's SMTP server may not be");
    }

    @Test
    void aNameForTheMetadataServiceIsRefused() {
        assertThatThrownBy(() -> guard.check(tenant("metadata.tenant.example", 25)))
                .isInstanceOf(SmtpHostRefusedException.class).hasMessageContaining("link-local");
    }

    @Test
    void thePlatformsServerIsRefusedByItsNameAndByAnotherNameForItsAddress() {
        assertThatThrownBy(() -> guard.check(tenant("relay.platform.internal", 587)))
                .isInstanceOf(SmtpHostRefusedException.class).hasMessageContaining("the platform's own SMTP server");
        assertThatThrownBy(() -> guard.check(tenant("alias-of-platform.example", 587)))
                .isInstanceOf(SmtpHostRefusedException.class).hasMessageContaining("the platform's own SMTP server");
    }

    @Test
    void thePlatformsOwnServerIsTheOperatorsSettingAndIsNotChecked() throws Exception {
        assertThat(guard.check(PLATFORM)).isNull();
        assertThat(lookups).isEmpty();
    }

    @Test
    void anUnknownNameIsReportedAsSuch() {
        assertThatThrownBy(() -> guard.check(tenant("nowhere.example", 25))).isInstanceOf(UnknownHostException.class);
    }

    private List<InetAddress> resolve(String host) throws UnknownHostException {
        lookups.add(host);
        List<String> addresses = dns.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        List<InetAddress> resolved = new ArrayList<>();
        for (String address : addresses) {
            resolved.add(InetAddress.getByName(address));
        }
        return resolved;
    }

    private static SmtpServer tenant(String host, int port) {
        return new SmtpServer(SmtpServer.ofTenant("acme"), host, port, SmtpSecurity.NONE, null, null,
                "invoices@acme.example");
    }
}
