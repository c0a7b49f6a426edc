package com.invoicedelivery.invoice.send.application;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The personal links of sends ({@code invoice.links.*}); the values, defaults included, are in application.yml.
 *
 * @param baseUrl  where tracking-service's pages are: a link is {@code <baseUrl>/l/<token>}
 * @param validity how long a link works when the tenant chose no validity of its own
 * @param sealPublicKey the PEM file (X.509) of mail-dispatch-service's public key: each link leaves this service
 *                 only sealed to it, so only mail-dispatch-service can read it ({@code LINK_SEAL_PUBLIC_KEY})
 */
@ConfigurationProperties("invoice.links")
public record PersonalLinkProperties(String baseUrl, Duration validity, Path sealPublicKey) {

    public PersonalLinkProperties {
        Objects.requireNonNull(baseUrl, "invoice.links.base-url is not set");
        Objects.requireNonNull(validity, "invoice.links.validity is not set");
        Objects.requireNonNull(sealPublicKey, "invoice.links.seal-public-key (LINK_SEAL_PUBLIC_KEY) is not set");
    }
}
