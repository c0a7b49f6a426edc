package com.invoicedelivery.kit.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.testing.MovableClock;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class RememberedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final List<String> verified = new ArrayList<>();
    /** Accepts "good-<minutes to expiry>" (and "forever", with no expiry); refuses anything else, as Boot's would. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (token.equals("forever")) {
            return jwt(token, null);
        }
        if (!token.startsWith("good-")) {
            throw new BadJwtException("refused");
        }
        Instant expiry = NOW.plus(Duration.ofMinutes(Long.parseLong(token.substring(5))));
        if (!clock.instant().isBefore(expiry)) {
            throw new BadJwtException("expired");
        }
        return jwt(token, expiry);
    };
    private final RememberedTokens tokens = new RememberedTokens(verifier, clock);

    @Test
    void aTokenPresentedAgainIsNotVerifiedAgain() {
        Jwt first = tokens.decode("good-30");
        Jwt again = tokens.decode("good-30");

        assertThat(again).isSameAs(first);
        assertThat(verified).containsExactly("good-30");
    }

    @Test
    void aTokenIsVerifiedAgainOnceItHasExpiredAndThenRefused() {
        tokens.decode("good-2");
        clock.advance(Duration.ofMinutes(1));
        tokens.decode("good-2");
        clock.advance(Duration.ofMinutes(1));

        assertThatThrownBy(() -> tokens.decode("good-2")).isInstanceOf(BadJwtException.class);
        assertThat(verified).containsExactly("good-2", "good-2");
    }

    @Test
    void aTokenIsRememberedFiveMinutesAtMostHoweverLongItLives() {
        tokens.decode("good-60");
        clock.advance(RememberedTokens.LONGEST.minusSeconds(1));
        tokens.decode("good-60");
        clock.advance(Duration.ofSeconds(1));
        tokens.decode("good-60");
        tokens.decode("forever");
        clock.advance(RememberedTokens.LONGEST);
        tokens.decode("forever");

        assertThat(verified).containsExactly("good-60", "good-60", "forever", "forever");
    }

    @Test
    void aRefusedTokenIsNotRememberedAndAnotherTextIsAnotherToken() {
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("forged")).isInstanceOf(BadJwtException.class);
        tokens.decode("good-30");
        tokens.decode("good-31");

        assertThat(verified).containsExactly("forged", "forged", "good-30", "good-31");
    }

    @Test
    void theLeastRecentlyUsedTokensAreForgottenBeyondTheBound() {
        tokens.decode("good-30");
        for (int i = 0; i < RememberedTokens.KEPT; i++) {
            tokens.decode("good-" + (100 + i));
            tokens.decode("good-30"); // kept in use: stays
        }
        tokens.decode("good-100");

        assertThat(verified).filteredOn("good-30"::equals).hasSize(1);
        assertThat(verified).filteredOn("good-100"::equals).hasSize(2);
    }

    private static Jwt jwt(String token, Instant expiry) {
        return new Jwt(token, NOW.minusSeconds(60), expiry, Map.of("alg", "RS256"), Map.of("sub", "someone"));
    }
}
