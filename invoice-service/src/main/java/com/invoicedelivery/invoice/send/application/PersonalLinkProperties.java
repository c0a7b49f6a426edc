package com.invoicedelivery.invoice.send.application;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The personal links of sends ({@code invoice.links.*}); the values, defaults included, are in application.yml.
 *
 * @param baseUrl  where tracking-service's pages are: a link is {@code <baseUrl>/l/<token>}
 * @param validity how long a link works when the tenant chose no validity of its own
 */
@ConfigurationProperties("invoice.links")
public record PersonalLinkProperties(String baseUrl, Duration validity) {

    public PersonalLinkProperties {
        Objects.requireNonNull(baseUrl, "invoice.links.base-url is not set");
        Objects.requireNonNull(validity, "invoice.links.validity is not set");
    }
}
