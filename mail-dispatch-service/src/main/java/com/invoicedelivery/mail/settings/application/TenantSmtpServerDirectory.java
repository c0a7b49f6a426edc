package com.invoicedelivery.mail.settings.application;

import com.invoicedelivery.mail.settings.domain.SecretsUnavailableException;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.application.SmtpServerUnavailableException;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A tenant with its own server sends through it (From its address, with the tenant's name); everyone else through
 * the platform's. Jobs name the tenant's server by the tenant's id; its settings, password included, are read at
 * every attempt. A job queued for a tenant's server after the tenant removed it goes through the platform's.
 */
public class TenantSmtpServerDirectory implements SmtpServerDirectory {

    private static final Logger log = LoggerFactory.getLogger(TenantSmtpServerDirectory.class);

    private final SmtpServer platform;
    private final SmtpSettingsService settings;

    public TenantSmtpServerDirectory(SmtpServer platform, SmtpSettingsService settings) {
        this.platform = platform;
        this.settings = settings;
    }

    @Override
    public String serverFor(String tenantId) {
        return settings.find(tenantId).isPresent() ? SmtpServer.ofTenant(tenantId) : SmtpServer.PLATFORM;
    }

    @Override
    public SmtpServer resolve(String reference) {
        if (SmtpServer.PLATFORM.equals(reference)) {
            return platform;
        }
        String tenantId = SmtpServer.tenantOf(reference);
        if (tenantId == null) {
            throw new IllegalArgumentException("unknown SMTP server reference " + reference);
        }
        try {
            return settings.serverOf(tenantId).orElseGet(() -> {
                log.info("tenant {} no longer has its own SMTP server: sending through the platform's", tenantId);
                return platform;
            });
        } catch (SecretsUnavailableException e) {
            throw new SmtpServerUnavailableException("the password of the tenant's SMTP server cannot be read: "
                    + e.getMessage());
        }
    }
}
