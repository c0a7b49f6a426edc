package com.invoicedelivery.kit.security;

import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Signs bearer tokens with a local RSA key, in the shape the gateway's identity provider issues them:
 * subject, {@value Caller#TENANT_CLAIM} and {@value Roles#CLAIM} claims. Used by the local run (demo tokens),
 * the tests, and by services for their own service-to-service tokens where no identity provider is configured.
 */
public class TokenMinter {

    private final NimbusJwtEncoder encoder;
    private final String issuer;

    public TokenMinter(KeyPair keys, String issuer) {
        RSAKey jwk = new RSAKey.Builder((RSAPublicKey) keys.getPublic())
                .privateKey((RSAPrivateKey) keys.getPrivate())
                .keyID("local")
                .build();
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
        this.issuer = issuer;
    }

    /** A token for {@code subject}; {@code tenantId} may be null for operations and service callers. */
    public String mint(String subject, String tenantId, List<String> roles, Duration validFor) {
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(issuer)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(validFor))
                .claim(Roles.CLAIM, List.copyOf(roles));
        if (tenantId != null) {
            claims.claim(Caller.TENANT_CLAIM, tenantId);
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId("local").build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
