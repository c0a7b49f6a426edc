package com.invoicedelivery.mail.smtp.application;

import java.util.List;
import java.util.Set;

import com.invoicedelivery.mail.smtp.domain.SmtpHostPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where tenants' own SMTP servers may be ({@code mail.tenant-smtp.*}), and how often a tenant may test one. The
 * defaults, in application.yml, are for production: public addresses on the usual SMTP ports only. Local runs and
 * tests, whose servers listen on 127.0.0.1 on any port, allow loopback and any port.
 *
 * @param allowedPorts        MAIL_TENANT_SMTP_ALLOWED_PORTS, default 25, 465, 587, 2525
 * @param allowAnyPort        MAIL_TENANT_SMTP_ALLOW_ANY_PORT
 * @param allowLoopback       MAIL_TENANT_SMTP_ALLOW_LOOPBACK: 127.0.0.0/8, ::1
 * @param allowPrivate        MAIL_TENANT_SMTP_ALLOW_PRIVATE: RFC 1918, 100.64/10, fc00::/7 (link-local, multicast
 *                            and unspecified addresses are never allowed)
 * @param allowPlatformServer MAIL_TENANT_SMTP_ALLOW_PLATFORM_SERVER: a tenant may name the platform's own server
 * @param testsPerMinute      MAIL_TENANT_SMTP_TESTS_PER_MINUTE: connection tests per tenant and minute, default 10
 */
@ConfigurationProperties("mail.tenant-smtp")
public record TenantSmtpProperties(List<Integer> allowedPorts, boolean allowAnyPort, boolean allowLoopback,
                                   boolean allowPrivate, boolean allowPlatformServer, int testsPerMinute) {

    public TenantSmtpProperties {
        // an empty environment variable binds as no list: no port allowed, unless allow-any-port
        allowedPorts = allowedPorts == null ? List.of() : List.copyOf(allowedPorts);
        if (testsPerMinute < 1) {
            throw new IllegalArgumentException("mail.tenant-smtp.tests-per-minute must be at least 1, not "
                    + testsPerMinute);
        }
    }

    public SmtpHostPolicy policy() {
        return new SmtpHostPolicy(Set.copyOf(allowedPorts), allowAnyPort, allowLoopback, allowPrivate,
                allowPlatformServer);
    }
}
