package com.invoicedelivery.kit.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Service tokens signed with the platform's own key (local run, tests, or a deployment that shares a
 * signing key between services). Each token lives a few minutes and is reused until shortly before it expires.
 */
public class LocallySignedServiceTokens implements ServiceTokens {

    private static final Duration VALIDITY = Duration.ofMinutes(5);
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofMinutes(1);

    private final TokenMinter minter;
    private final String serviceName;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public LocallySignedServiceTokens(TokenMinter minter, String serviceName, Clock clock) {
        this.minter = minter;
        this.serviceName = serviceName;
        this.clock = clock;
    }

    @Override
    public synchronized String bearerToken() {
        Instant now = clock.instant();
        if (token == null || !now.isBefore(renewAt)) {
            token = minter.mint(serviceName, null, List.of(Roles.SERVICE), VALIDITY);
            renewAt = now.plus(VALIDITY).minus(RENEW_BEFORE_EXPIRY);
        }
        return token;
    }
}
