package com.invoicedelivery.mail.smtp.application;

import com.invoicedelivery.mail.smtp.domain.SmtpOutcome;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import jakarta.mail.internet.MimeMessage;

/** Hands messages to SMTP servers. Never throws for what a server or the network does: it reports an outcome. */
public interface MailTransport {

    /**
     * Sends one message to the recipients in its headers through {@code server}, within the configured
     * connect, read and write timeouts.
     */
    SmtpOutcome send(SmtpServer server, MimeMessage message);
}
