package com.invoicedelivery.mail.smtp.domain;

import java.util.Objects;

/**
 * An SMTP server the platform sends through: the platform's own, or a tenant's.
 *
 * @param reference   how dispatch jobs name it: {@value #PLATFORM}, or {@code tenant:<tenantId>} (see {@link #ofTenant})
 * @param username    null when the server takes mail without authentication
 * @param password    held in memory only while a message is sent or a connection tested; never printed
 * @param fromAddress the From address mail through this server must have; null for the platform's default
 *                    ({@code invoices@<tenant-subdomain>.<platform-domain>})
 */
public record SmtpServer(String reference, String host, int port, SmtpSecurity security, String username,
                         String password, String fromAddress) {

    /** The platform's own server. */
    public static final String PLATFORM = "platform";

    private static final String TENANT_PREFIX = "tenant:";

    public SmtpServer {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        username = blankToNull(username);
        password = blankToNull(password);
        fromAddress = blankToNull(fromAddress);
    }

    /** The reference of a tenant's own server: jobs name the tenant, the credentials are looked up at send time. */
    public static String ofTenant(String tenantId) {
        return TENANT_PREFIX + tenantId;
    }

    /** The tenant a reference made by {@link #ofTenant} names; null for any other reference. */
    public static String tenantOf(String reference) {
        return reference != null && reference.startsWith(TENANT_PREFIX) ? reference.substring(TENANT_PREFIX.length())
                : null;
    }

    public boolean isPlatform() {
        return PLATFORM.equals(reference);
    }

    public boolean authenticates() {
        return username != null;
    }

    /** host:port, for readable reasons and logs. */
    public String address() {
        return host + ":" + port;
    }

    /** Never shows the password: records print themselves into logs and exception messages. */
    @Override
    public String toString() {
        return "SmtpServer[" + reference + " " + address() + " " + security
                + (authenticates() ? " user " + username : "") + "]";
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
