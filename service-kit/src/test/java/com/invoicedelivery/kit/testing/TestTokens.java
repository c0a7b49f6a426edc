package com.invoicedelivery.kit.testing;

import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.security.Roles;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens for tests, as the identity provider issues them: signed by {@link TestIdentityProvider#shared()},
 * which every service under test trusts by its issuer URI (see {@link EmbeddedInfrastructure}). Unless a method says
 * otherwise a token is for every application under test ({@link #AUDIENCES}).
 */
public final class TestTokens {

    /** The issuer test tokens name: the shared stand-in identity provider's URL. */
    public static final String ISSUER = TestIdentityProvider.shared().issuer();

    /**
     * The {@code aud} of test tokens: the four services and the kit's sample application, so one token opens
     * whichever of them a test runs. A service refuses a token that does not name it ({@link #serviceFor}).
     */
    public static final List<String> AUDIENCES = List.of("invoice-service", "pdf-service", "mail-dispatch-service",
            "tracking-service", "kit-sample");

    private static final Duration VALIDITY = Duration.ofMinutes(30);

    private TestTokens() {
    }

    public static String user(String tenantId) {
        return token("user@" + tenantId, tenantId, Roles.TENANT_USER);
    }

    public static String admin(String tenantId) {
        return token("admin@" + tenantId, tenantId, Roles.TENANT_ADMIN);
    }

    public static String operations() {
        return token("operator", null, Roles.OPERATIONS);
    }

    public static String service() {
        return token("some-service", null, Roles.SERVICE);
    }

    /** A service token meant for one service only, as the token endpoint issues them for {@code scope=audience}. */
    public static String serviceFor(String audience) {
        return tokenFor(List.of(audience), "some-service", null, Roles.SERVICE);
    }

    public static String token(String subject, String tenantId, String... roles) {
        return tokenFor(AUDIENCES, subject, tenantId, roles);
    }

    /** A token for these audiences only. */
    public static String tokenFor(List<String> audiences, String subject, String tenantId, String... roles) {
        return TestIdentityProvider.shared().mint(subject, tenantId, audiences, List.of(roles), VALIDITY);
    }

    /**
     * A token with every claim right (the issuer, the audiences, the key id) but signed with another key: every
     * service must refuse it.
     */
    public static String forged(String tenantId) {
        var keys = PemKeys.generateRsa();
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic()).privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID(TestIdentityProvider.KEY_ID).build();
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(ISSUER).subject("forger").audience(AUDIENCES)
                .issuedAt(now).expiresAt(now.plus(VALIDITY)).claim(Roles.CLAIM, List.of(Roles.TENANT_ADMIN));
        if (tenantId != null) {
            claims.claim("tenant", tenantId);
        }
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId(TestIdentityProvider.KEY_ID).build(), claims.build()))
                .getTokenValue();
    }

    /**
     * A token signed with the trusted key whose claims are exactly {@code claims}: to prove what a token must
     * carry besides a good signature (an expiry, the trusted issuer, this service as an audience).
     */
    public static String signedWithClaims(Map<String, Object> claims) {
        return TestIdentityProvider.shared().sign(claims);
    }
}
