package com.invoicedelivery.mail.smtp.application;

import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/** Every tenant sends through the platform's own server (tenants' own servers come with their settings API). */
public class PlatformSmtpServerDirectory implements SmtpServerDirectory {

    private final SmtpServer platform;

    public PlatformSmtpServerDirectory(SmtpProperties properties) {
        this.platform = new SmtpServer(SmtpServer.PLATFORM, properties.host(), properties.port(),
                properties.security(), properties.username(), properties.password(), null);
    }

    @Override
    public String serverFor(String tenantId) {
        return SmtpServer.PLATFORM;
    }

    @Override
    public SmtpServer resolve(String reference) {
        if (!SmtpServer.PLATFORM.equals(reference)) {
            throw new IllegalArgumentException("unknown SMTP server " + reference);
        }
        return platform;
    }
}
