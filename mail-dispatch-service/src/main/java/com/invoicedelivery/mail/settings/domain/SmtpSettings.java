package com.invoicedelivery.mail.settings.domain;

import java.time.Instant;

import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;

/**
 * A tenant's own SMTP server, as stored: the password only encrypted.
 *
 * @param username null when the server takes mail without logging in
 * @param password null exactly when {@code username} is
 */
public record SmtpSettings(String tenantId, String host, int port, SmtpSecurity security, String username,
                           SealedSecret password, String fromAddress, Instant updatedAt) {

    /** The associated data a tenant's password is encrypted with: it decrypts only as that tenant's. */
    public static String passwordContext(String tenantId) {
        return "smtp-password:" + tenantId;
    }

    public boolean passwordSet() {
        return password != null;
    }

    public SmtpSettings withPassword(SealedSecret resealed) {
        return new SmtpSettings(tenantId, host, port, security, username, resealed, fromAddress, updatedAt);
    }
}
