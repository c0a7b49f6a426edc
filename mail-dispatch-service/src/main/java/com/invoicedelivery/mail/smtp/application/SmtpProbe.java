package com.invoicedelivery.mail.smtp.application;

import com.invoicedelivery.mail.smtp.domain.ProbeResult;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;

/** Tries a server without sending anything: connect, TLS as configured, EHLO, log in, QUIT. */
public interface SmtpProbe {

    /** Never throws for what the server or the network does, and returns within the configured total time. */
    ProbeResult probe(SmtpServer server);
}
