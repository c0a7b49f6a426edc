package com.invoicedelivery.mail.smtp.domain;

import java.util.Objects;

/**
 * An SMTP server the platform sends through: the platform's own, or (later) a tenant's.
 *
 * @param reference   how dispatch jobs name it, e.g. {@value #PLATFORM}
 * @param username    null when the server takes mail without authentication
 * @param fromAddress the From address mail through this server must have; null for the platform's default
 *                    ({@code invoices@<tenant-subdomain>.<platform-domain>})
 */
public record SmtpServer(String reference, String host, int port, SmtpSecurity security, String username,
                         String password, String fromAddress) {

    /** The platform's own server. */
    public static final String PLATFORM = "platform";

    public SmtpServer {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(security, "security");
        username = blankToNull(username);
        password = blankToNull(password);
        fromAddress = blankToNull(fromAddress);
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
