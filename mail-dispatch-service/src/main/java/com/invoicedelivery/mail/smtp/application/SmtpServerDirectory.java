package com.invoicedelivery.mail.smtp.application;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * Which SMTP server a tenant's mail goes through. A dispatch job keeps the server's reference from its creation
 * ({@value SmtpServer#PLATFORM} or the tenant's own, by tenant id) and resolves it at every attempt, so changed
 * settings (a new password) apply to the next attempt and no credentials are ever stored with a job.
 */
public interface SmtpServerDirectory {

    /** The reference of the server the tenant's new mail goes through. */
    String serverFor(String tenantId);

    /**
     * The server's current settings, credentials included.
     *
     * @throws SmtpServerUnavailableException when the server's settings cannot be had now (e.g. its stored password
     *         cannot be decrypted with the configured keys)
     */
    SmtpServer resolve(String reference);
}
