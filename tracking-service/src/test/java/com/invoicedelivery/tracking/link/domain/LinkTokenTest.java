package com.invoicedelivery.tracking.link.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LinkTokenTest {

    private static final String TOKEN = "q1w2e3r4t5y6u7i8o9p0-_";

    @Test
    void theHashIsTheSha256HexOfTheTokensUtf8Bytes() {
        // echo -n q1w2e3r4t5y6u7i8o9p0-_ | sha256sum
        assertThat(LinkToken.parse(TOKEN).orElseThrow().hash())
                .isEqualTo("6d63458244c1e5c764d5d36380b43c1a48cf1335207177a0feac964f6e423a8a");
    }

    @Test
    void differentTokensHaveDifferentHashes() {
        assertThat(LinkToken.parse(TOKEN).orElseThrow().hash())
                .isNotEqualTo(LinkToken.parse(TOKEN.replace('q', 'Q')).orElseThrow().hash());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"short", "q1w2e3r4t5y6u7i8o9p0-", "q1w2e3r4t5y6u7i8o9p0+/", "../../etc/passwd-xxxxxxxx",
            "q1w2e3r4t5y6u7i8o9p0_ ", "токентокентокентокентокен"})
    void anythingThatCannotBeAGeneratedTokenIsRefused(String raw) {
        assertThat(LinkToken.parse(raw)).isEmpty();
    }

    @Test
    void theTokenNeverShowsInItsStringForm() {
        assertThat(LinkToken.parse(TOKEN).orElseThrow().toString()).doesNotContain(TOKEN);
    }
}
