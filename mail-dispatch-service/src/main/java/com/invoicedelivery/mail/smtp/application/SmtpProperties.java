package com.invoicedelivery.mail.smtp.application;

import java.time.Duration;

import com.invoicedelivery.mail.smtp.domain.SmtpSecurity;
import com.invoicedelivery.mail.smtp.domain.SmtpServer;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The platform's SMTP server ({@code mail.smtp.*}; SMTP_HOST, SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD,
 * SMTP_SECURITY) and the timeouts and connection reuse of every SMTP connection.
 *
 * @param idleTimeout         a connection is kept for the next message this long, then closed
 * @param testTimeout         the most a connection test may take, all steps together
 * @param loginRefusedPause   after a server refused a login, further messages through it with the same settings
 *                            fail at once for this long instead of each trying the same login again
 */
@ConfigurationProperties("mail.smtp")
public record SmtpProperties(String host, int port, String username, String password, SmtpSecurity security,
                             Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                             Duration idleTimeout, Duration testTimeout, Duration loginRefusedPause) {

    public SmtpProperties {
        host = host == null || host.isBlank() ? "localhost" : host;
        port = port == 0 ? 25 : port;
        security = security == null ? SmtpSecurity.NONE : security;
        connectTimeout = orDefault(connectTimeout, Duration.ofSeconds(10));
        readTimeout = orDefault(readTimeout, Duration.ofSeconds(30));
        writeTimeout = orDefault(writeTimeout, Duration.ofSeconds(30));
        idleTimeout = orDefault(idleTimeout, Duration.ofSeconds(30));
        testTimeout = orDefault(testTimeout, Duration.ofSeconds(15));
        loginRefusedPause = orDefault(loginRefusedPause, Duration.ofMinutes(5));
    }

    /** The platform's own server, through which every tenant without a server of its own sends. */
    public SmtpServer platformServer() {
        return new SmtpServer(SmtpServer.PLATFORM, host, port, security, username, password, null);
    }

    private static Duration orDefault(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }

    @Override
    public String toString() {
        return "SmtpProperties[" + host + ":" + port + " " + security + "]";
    }
}
