package com.invoicedelivery.kit.security;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param serviceSigningKey PEM file of the RSA private key this service signs its service-to-service tokens
 *                          with (local run and tests); the matching public key is the one every service
 *                          validates tokens against
 * @param issuer            the issuer named in tokens this service signs
 */
@ConfigurationProperties("platform.security")
public record PlatformSecurityProperties(Path serviceSigningKey, String issuer) {

    public PlatformSecurityProperties {
        if (issuer == null || issuer.isBlank()) {
            throw new IllegalArgumentException("platform.security.issuer is not set");
        }
    }
}
