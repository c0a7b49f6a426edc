package com.invoicedelivery.invoice.send.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;

import com.invoicedelivery.events.SealedLinkContent;
import com.invoicedelivery.kit.testing.TestLinkSeal;
import org.junit.jupiter.api.Test;

class PersonalLinksTest {

    private final PersonalLinks links = new PersonalLinks(new SecureRandom(), "https://links.example/",
            Duration.ofDays(180), content -> TestLinkSeal.sealer().seal(content.fields()));

    @Test
    void aTokenIs256RandomBitsInUrlSafeBase64WithoutPaddingInsideTheSealedLink() {
        SealedLinkContent opened = TestLinkSeal.openLink(links.issue("t", "s", "r").sealedLink());
        String token = opened.linkUrl().substring("https://links.example/l/".length());

        assertThat(opened.linkUrl()).startsWith("https://links.example/l/");
        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32);
    }

    @Test
    void theSealedLinkNamesItsTenantSendAndRecipientAndShowsNoToken() {
        PersonalLink link = links.issue("acme", "send-1", "r-1");
        SealedLinkContent opened = TestLinkSeal.openLink(link.sealedLink());
        String token = opened.linkUrl().substring(opened.linkUrl().lastIndexOf('/') + 1);

        assertThat(opened.belongsTo("acme", "send-1", "r-1")).isTrue();
        assertThat(link.sealedLink()).doesNotContain(token).doesNotContain("links.example");
        assertThat(link.toString()).doesNotContain(token);
    }

    @Test
    void theHashIsTheSha256OfTheTokenAsTrackingServiceComputesIt() {
        assertThat(PersonalLink.hashOf("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        PersonalLink link = links.issue("t", "s", "r");
        String url = TestLinkSeal.openLink(link.sealedLink()).linkUrl();
        assertThat(link.tokenHash()).isEqualTo(PersonalLink.hashOf(url.substring(url.lastIndexOf('/') + 1)));
    }

    @Test
    void everyTokenIsNew() {
        Set<String> hashes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            hashes.add(links.issue("t", "s", "r").tokenHash());
        }
        assertThat(hashes).hasSize(1000);
    }

    @Test
    void linksExpireAfterThePlatformsValidityUnlessTheTenantChoseItsOwn() {
        assertThat(links.expiresAt(Instant.parse("2026-01-01T00:00:00Z"), null)).isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
        assertThat(links.expiresAt(Instant.parse("2026-01-01T00:00:00Z"), 30)).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
    }
}
