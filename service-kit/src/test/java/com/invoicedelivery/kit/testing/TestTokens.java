package com.invoicedelivery.kit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.kit.security.Roles;
import com.invoicedelivery.kit.security.TokenMinter;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Bearer tokens for tests, signed with one RSA key per test JVM whose public half every service under test
 * trusts (see {@link EmbeddedInfrastructure}).
 */
public final class TestTokens {

    private static final KeyPair KEYS = PemKeys.generateRsa();
    /**
     * The issuer test tokens name: the kit's default {@code platform.security.issuer}, so every test context trusts
     * them, slices included; {@link EmbeddedInfrastructure} also sets it explicitly.
     */
    public static final String ISSUER = "invoice-delivery-local";

    private static final TokenMinter MINTER = new TokenMinter(KEYS, ISSUER);
    private static final Path DIRECTORY;
    private static final Path PRIVATE_KEY;
    private static final Path PUBLIC_KEY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("test-keys");
            PRIVATE_KEY = DIRECTORY.resolve("jwt-private.pem");
            PUBLIC_KEY = DIRECTORY.resolve("jwt-public.pem");
            PemKeys.write(KEYS, PRIVATE_KEY, PUBLIC_KEY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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

    public static String token(String subject, String tenantId, String... roles) {
        return MINTER.mint(subject, tenantId, List.of(roles), Duration.ofMinutes(30));
    }

    /** A token signed with another key: every service must refuse it. */
    public static String forged(String tenantId) {
        return new TokenMinter(PemKeys.generateRsa(), "forger")
                .mint("forger", tenantId, List.of(Roles.TENANT_ADMIN), Duration.ofMinutes(30));
    }

    /**
     * A token signed with the trusted key whose claims are exactly {@code claims}: to prove what a token must
     * carry besides a good signature (an expiry, a trusted issuer).
     */
    public static String signedWithClaims(Map<String, Object> claims) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) KEYS.getPublic()).privateKey((RSAPrivateKey) KEYS.getPrivate())
                .keyID("local").build();
        JwtClaimsSet.Builder set = JwtClaimsSet.builder();
        claims.forEach(set::claim);
        return new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk))).encode(JwtEncoderParameters.from(
                JwsHeader.with(SignatureAlgorithm.RS256).keyId("local").build(), set.build())).getTokenValue();
    }

    public static Path publicKeyFile() {
        return PUBLIC_KEY;
    }

    public static Path privateKeyFile() {
        return PRIVATE_KEY;
    }
}
