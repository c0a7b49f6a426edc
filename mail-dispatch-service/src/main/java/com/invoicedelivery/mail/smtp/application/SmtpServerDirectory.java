package com.invoicedelivery.mail.smtp.application;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/**
 * Which SMTP server a tenant's mail goes through. A dispatch job keeps the server's reference from its creation
 * and resolves it at every attempt, so changed settings (a new password) apply to the next attempt.
 */
public interface SmtpServerDirectory {

    /** The reference of the server the tenant's new mail goes through. */
    String serverFor(String tenantId);

    /** The server's current settings. */
    SmtpServer resolve(String reference);
}
