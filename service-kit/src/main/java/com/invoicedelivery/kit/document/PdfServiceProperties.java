package com.invoicedelivery.kit.document;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service fetches rendered documents: pdf-service's base URL, and the timeouts of every call (a hanging
 * pdf-service must not hold a mail worker or a client's page).
 *
 * @param url            pdf-service's base URL; without it the service has no {@link DocumentClient}
 * @param connectTimeout how long to wait for the connection
 * @param readTimeout    how long to wait for the response (a PDF of a few hundred kilobytes)
 */
@ConfigurationProperties("platform.pdf-service")
public record PdfServiceProperties(String url, Duration connectTimeout, Duration readTimeout) {

    /** The timeouts' defaults are in service-kit-defaults.properties, once; a missing one fails the start. */
    public PdfServiceProperties {
        Objects.requireNonNull(connectTimeout, "platform.pdf-service.connect-timeout is not set");
        Objects.requireNonNull(readTimeout, "platform.pdf-service.read-timeout is not set");
    }
}
