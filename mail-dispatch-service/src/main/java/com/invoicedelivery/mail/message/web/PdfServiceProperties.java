package com.invoicedelivery.mail.message.web;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * pdf-service's internal API ({@code mail.pdf-service.*}); the values, defaults included, are in application.yml.
 */
@ConfigurationProperties("mail.pdf-service")
public record PdfServiceProperties(String url, Duration connectTimeout, Duration readTimeout) {

    public PdfServiceProperties {
        Objects.requireNonNull(url, "mail.pdf-service.url is not set");
        Objects.requireNonNull(connectTimeout, "mail.pdf-service.connect-timeout is not set");
        Objects.requireNonNull(readTimeout, "mail.pdf-service.read-timeout is not set");
    }
}
