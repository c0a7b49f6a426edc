package com.invoicedelivery.invoice.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"a@b.bg", "first.last+invoices@mail.example.com", "o'brien@x-y.example", "A1@EXAMPLE.COM"})
    void plainAddressesAreValid(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not-an-address", "a@b", "a@@b.bg", ".a@b.bg", "a.@b.bg", "a b@c.bg", "a@-b.bg",
            "Name <a@b.bg>", "a@b.bg\r\nBcc: x@y.bg", "a@b.bg,c@d.bg", "иван@пример.бг", "a@пример..бг", "a@-пример.бг"})
    void anythingElseIsNot(String address) {
        assertThat(EmailAddress.isValid(address)).isFalse();
    }

    @Test
    void nullAndOverlongAddressesAreNotValid() {
        assertThat(EmailAddress.isValid(null)).isFalse();
        String domain = String.join(".", "b".repeat(60), "c".repeat(60), "d".repeat(60), "e".repeat(60), "bg");
        assertThat(EmailAddress.isValid("a".repeat(64) + "@" + domain)).as("%d characters", 65 + domain.length()).isFalse();
        assertThat(EmailAddress.isValid("a".repeat(64) + "@" + domain.substring(61))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"office@фирма.бг", "info@müller.de", "a@bücher.example.com"})
    void internationalisedDomainsAreValid(String address) {
        assertThat(EmailAddress.isValid(address)).isTrue();
    }

    @Test
    void anInternationalisedDomainIsKeptInItsAsciiForm() {
        assertThat(EmailAddress.canonical("office@фирма.бг")).isEqualTo("office@xn--80apmps.xn--90ae");
        assertThat(EmailAddress.canonical("a@b.bg")).isEqualTo("a@b.bg");
    }

    @Test
    void addressesCompareWithoutLetterCase() {
        assertThat(EmailAddress.comparable("Office@Acme.BG")).isEqualTo(EmailAddress.comparable("office@acme.bg"));
    }
}
