package com.invoicedelivery.mail;

import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's mail domain ({@code mail.platform-domain}, PLATFORM_DOMAIN; the value is in application.yml). The
 * default From is {@code invoices@<tenant-subdomain>.<platformDomain>}, Message-IDs end in {@code @<platformDomain>},
 * and the SMTP greeting names it. Here, beside the application, because the dispatch and SMTP features both use it.
 */
@ConfigurationProperties("mail")
public record PlatformDomainProperties(String platformDomain) {

    public PlatformDomainProperties {
        Objects.requireNonNull(platformDomain, "mail.platform-domain is not set");
    }
}
