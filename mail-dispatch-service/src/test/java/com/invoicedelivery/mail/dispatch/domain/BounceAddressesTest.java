package com.invoicedelivery.mail.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.invoicedelivery.events.BounceKind;
import com.invoicedelivery.mail.bounce.domain.BounceRules;
import org.junit.jupiter.api.Test;

class BounceAddressesTest {

    private static final String DOMAIN = "bounces.invoicedelivery.test";

    @Test
    void aBounceAddressGivesBackItsTokenWhateverTheCaseOrBrackets() {
        String token = BounceTokens.next();

        String address = BounceAddresses.of(token, DOMAIN);

        assertThat(address).isEqualTo("bounces+" + token + "@" + DOMAIN);
        assertThat(BounceAddresses.tokenIn("<" + address.toUpperCase() + ">", DOMAIN)).contains(token);
    }

    @Test
    void anotherDomainOrSomethingThatIsNoTokenGivesNone() {
        assertThat(BounceAddresses.tokenIn("bounces+abcdefghijklmnopqrstuvwxyz@elsewhere.test", DOMAIN)).isEmpty();
        assertThat(BounceAddresses.tokenIn("bounces+short@" + DOMAIN, DOMAIN)).isEmpty();
        assertThat(BounceAddresses.tokenIn("postmaster@" + DOMAIN, DOMAIN)).isEmpty();
        assertThat(BounceAddresses.tokenIn("bounces+abcdefghijklmnopqrstuvwxy1@" + DOMAIN, DOMAIN)).isEmpty();
    }

    @Test
    void tokensAreTwentySixBase32CharactersAndDoNotRepeat() {
        String first = BounceTokens.next();

        assertThat(first).matches("[a-z2-7]{26}");
        assertThat(BounceTokens.next()).isNotEqualTo(first);
    }

    @Test
    void aFullMailboxIsSoftAndOnlyFailuresAndDelaysCount() {
        assertThat(BounceRules.kindOf("failed", "5.1.1")).isEqualTo(BounceKind.HARD);
        assertThat(BounceRules.kindOf("failed", "5.2.2")).isEqualTo(BounceKind.SOFT);
        assertThat(BounceRules.kindOf("delayed", "4.4.1")).isEqualTo(BounceKind.SOFT);
        assertThat(BounceRules.kindOf("delivered", "2.0.0")).isNull();
        assertThat(BounceRules.kindOf("relayed", "2.0.0")).isNull();
    }
}
