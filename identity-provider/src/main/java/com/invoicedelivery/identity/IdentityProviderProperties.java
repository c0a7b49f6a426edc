package com.invoicedelivery.identity;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param issuer     the {@code iss} of every token and the base of every endpoint, e.g. {@code http://localhost:8090}
 * @param signingKey PKCS#8 PEM file of the RSA key tokens are signed with
 */
@ConfigurationProperties("identity-provider")
record IdentityProviderProperties(String issuer, Path signingKey) {

    IdentityProviderProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("identity-provider.issuer is not set");
        }
        if (signingKey == null) {
            throw new IllegalArgumentException("identity-provider.signing-key is not set");
        }
    }
}
