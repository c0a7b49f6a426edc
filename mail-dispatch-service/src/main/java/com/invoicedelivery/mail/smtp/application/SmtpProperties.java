package com.invoicedelivery.mail.smtp.application;

import java.time.Duration;

import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's SMTP server ({@code mail.smtp.*}; SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD,
 * SMTP_SECURITY) and the timeouts and connection reuse of every SMTP connection.
 *
 * @param idleTimeout a connection is kept for the next message this long, then closed
 */
@ConfigurationProperties("mail.smtp")
public record SmtpProperties(String host, int port, String username, String password, SmtpSecurity security,
                             Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                             Duration idleTimeout) {

    public SmtpProperties {
        host = host == null || host.isBlank() ? "localhost" : host;
        port = port == 0 ? 25 : port;
        security = security == null ? SmtpSecurity.NONE : security;
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(10));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(30));
        writeTimeout = orDefault(writeTimeout, Duration.ofSeconds(30));
        idleTimeout = orDefault(idleTimeout, Duration.ofSeconds(30));
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }

    @Override
    public String toString() {
        return "SmtpProperties[" + host + ":" + port + " " + security + "]";
    }
}
