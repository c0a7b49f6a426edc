package com.invoicedelivery.kit.security;

import java.util.List;
import java.util.Set;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * What a bearer token must carry besides a valid signature, on top of Spring's checks of the times it does carry
 * (which let a token without {@code exp} live for ever and take any issuer): an expiry, and an issuer this
 * platform trusts. Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to its decoder, whatever the key source.
 */
public final class PlatformTokenRules implements OAuth2TokenValidator<Jwt> {

    private final Set<String> trustedIssuers;

    /** @param trustedIssuers the {@code iss} values accepted, exactly as tokens write them */
    public PlatformTokenRules(List<String> trustedIssuers) {
        this.trustedIssuers = Set.copyOf(trustedIssuers);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return refused("the token has no expiry (exp)");
        }
        String issuer = token.getClaimAsString(JwtClaimNames.ISS);
        if (issuer == null || !trustedIssuers.contains(issuer)) {
            return refused("the token's issuer is not one this platform trusts");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }
}
