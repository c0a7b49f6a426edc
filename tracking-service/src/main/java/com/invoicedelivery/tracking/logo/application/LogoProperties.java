package com.invoicedelivery.tracking.logo.application;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The tenant's logo ({@code tracking.logo.*}; values in application.yml).
 *
 * @param maxBytes         the largest file taken
 * @param maxPixelsPerSide the widest and tallest picture taken
 */
@ConfigurationProperties("tracking.logo")
public record LogoProperties(int maxBytes, int maxPixelsPerSide) {

    public LogoProperties {
        if (maxBytes < 1 || maxPixelsPerSide < 1) {
            throw new IllegalArgumentException("tracking.logo.max-bytes and max-pixels-per-side must be positive");
        }
    }
}
