package com.invoicedelivery.mail.smtp.application;

import java.time.Duration;
import java.util.Objects;

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
 *                            fail at once for this long instead of each trying the same login again (on every
 *                            replica: the refusal is kept in the store)
 * @param connectionSlotLease a connection to a tenant's server holds a shared slot under a lease this long, renewed
 *                            every third of it while the connection is open: a replica that dies without closing
 *                            its connections frees their slots after at most this long
 */
@ConfigurationProperties("mail.smtp")
public record SmtpProperties(String host, int port, String username, String password, SmtpSecurity security,
                             Duration connectTimeout, Duration readTimeout, Duration writeTimeout,
                             Duration idleTimeout, Duration testTimeout, Duration loginRefusedPause,
                             Duration connectionSlotLease) {

    /** The values, defaults included, are in application.yml, once; a missing or non-positive one fails the start. */
    public SmtpProperties {
        Objects.requireNonNull(host, "mail.smtp.host is not set");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("mail.smtp.port must be from 1 to 65535, not " + port);
        }
        Objects.requireNonNull(security, "mail.smtp.security is not set");
        requirePositive(connectTimeout, "connect-timeout");
        requirePositive(readTimeout, "read-timeout");
        requirePositive(writeTimeout, "write-timeout");
        requirePositive(idleTimeout, "idle-timeout");
        requirePositive(testTimeout, "test-timeout");
        requirePositive(loginRefusedPause, "login-refused-pause");
        requirePositive(connectionSlotLease, "connection-slot-lease");
    }

    /** The platform's own server, through which every tenant without a server of its own sends. */
    public SmtpServer platformServer() {
        return new SmtpServer(SmtpServer.PLATFORM, host, port, security, username, password, null);
    }

    private static void requirePositive(Duration value, String key) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("mail.smtp." + key + " must be a positive duration, not " + value);
        }
    }

    @Override
    public String toString() {
        return "SmtpProperties[" + host + ":" + port + " " + security + "]";
    }
}
