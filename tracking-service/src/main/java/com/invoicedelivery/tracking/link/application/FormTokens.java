package com.invoicedelivery.tracking.link.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

import com.invoicedelivery.kit.digest.Sha256;
import com.invoicedelivery.tracking.link.persistence.SpentFormTokenStore;

/**
 * Each form token (the CSRF token of the link pages) works for one form submission: a replayed submission
 * finds its token spent and is refused, even with the cookie that came with it. Tokens are kept as hashes.
 */
public class FormTokens {

    private final SpentFormTokenStore spent;
    private final Clock clock;

    public FormTokens(SpentFormTokenStore spent, Clock clock) {
        this.spent = spent;
        this.clock = clock;
    }

    /** Uses up the token; false when it was used before (a replay). */
    public boolean spend(String token) {
        return spent.spend(Sha256.hex(token.getBytes(StandardCharsets.UTF_8)), clock.instant());
    }
}
