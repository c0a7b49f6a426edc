package com.invoicedelivery.kit.security;

import java.util.List;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;

/**
 * What a bearer token must carry besides a valid signature, on top of Spring's checks of the times it does carry
 * (which let a token without {@code exp} live for ever): an expiry, the identity provider's issuer, and this service
 * among its audiences, so that a token meant for another service (say, pdf-service's for tracking-service) opens
 * nothing here. Boot adds every {@code OAuth2TokenValidator<Jwt>} bean to its decoder, whatever the key source.
 */
public final class PlatformTokenRules implements OAuth2TokenValidator<Jwt> {

    private final String trustedIssuer;
    private final String audience;

    /**
     * @param trustedIssuer the identity provider's issuer, exactly as its tokens write {@code iss}
     * @param audience      this service's name, which {@code aud} must contain
     */
    public PlatformTokenRules(String trustedIssuer, String audience) {
        this.trustedIssuer = Objects.requireNonNull(trustedIssuer, "trustedIssuer");
        this.audience = Objects.requireNonNull(audience, "audience");
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        if (token.getExpiresAt() == null) {
            return refused("the token has no expiry (exp)");
        }
        if (!trustedIssuer.equals(token.getClaimAsString(JwtClaimNames.ISS))) {
            return refused("the token's issuer is not the identity provider this service trusts");
        }
        List<String> audiences = token.getAudience();
        if (audiences == null || !audiences.contains(audience)) {
            return refused("the token is not meant for " + audience + " (aud)");
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult refused(String reason) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }
}
