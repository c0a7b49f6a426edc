package com.invoicedelivery.tracking.link.web;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pdf-service's internal API ({@code tracking.pdf-service.*}); the values, defaults included, are in
 * application.yml.
 */
@ConfigurationProperties("tracking.pdf-service")
public record PdfServiceProperties(String url, Duration connectTimeout, Duration readTimeout) {

    public PdfServiceProperties {
        Objects.requireNonNull(url, "tracking.pdf-service.url is not set");
        Objects.requireNonNull(connectTimeout, "tracking.pdf-service.connect-timeout is not set");
        Objects.requireNonNull(readTimeout, "tracking.pdf-service.read-timeout is not set");
    }
}
