package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PersonalLinksTest {

    private final PersonalLinks links = new PersonalLinks(new SecureRandom(), "https://links.example/", Duration.ofDays(180));

    @Test
    void aTokenIs256RandomBitsInUrlSafeBase64WithoutPadding() {
        PersonalLink link = links.issue();

        assertThat(link.token()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(link.token())).hasSize(32);
        assertThat(link.url()).isEqualTo("https://links.example/l/" + link.token());
    }

    @Test
    void theHashIsTheSha256OfTheTokenAsTrackingServiceComputesIt() {
        assertThat(PersonalLink.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        PersonalLink link = links.issue();
        assertThat(link.tokenHash()).isEqualTo(PersonalLink.hashOf(link.token()));
        assertThat(link.toString()).doesNotContain(link.token());
    }

    @Test
    void everyTokenIsNew() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            tokens.add(links.issue().token());
        }
        assertThat(tokens).hasSize(1000);
    }

    @Test
    void linksExpireAfterThePlatformsValidityUnlessTheTenantChoseItsOwn() {
        assertThat(links.expiresAt(Instant.parse("2026-01-01T00:00:00Z"), null)).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(links.expiresAt(Instant.parse("2026-01-01T00:00:00Z"), 30)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }
}
