package com.invoicedelivery.kit.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * HTTP limits every service shares ({@code platform.http.*}).
 *
 * @param maxRequestBytes the largest request body any API accepts; a larger one is refused before it is parsed
 */
@ConfigurationProperties("platform.http")
public record PlatformHttpProperties(long maxRequestBytes) {

    public PlatformHttpProperties {
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("platform.http.max-request-bytes must be positive, not " + maxRequestBytes);
        }
    }
}
