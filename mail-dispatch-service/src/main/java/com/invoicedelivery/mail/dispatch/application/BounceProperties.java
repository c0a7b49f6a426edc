package com.invoicedelivery.mail.dispatch.application;

import java.time.Duration;
import java.util.Objects;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Bounces and complaints ({@code mail.bounces.*}; defaults in application.yml).
 *
 * @param domain  the domain of the per-message envelope senders ({@code bounces+<token>@<domain>}), whose MX is the
 *                inbound receiver below; empty: messages go out with the From address as envelope sender, and no
 *                report is read
 * @param inbound the SMTP receiver that takes the reports for {@code domain}
 */
@ConfigurationProperties("mail.bounces")
public record BounceProperties(String domain, Inbound inbound) {

    public BounceProperties {
        Objects.requireNonNull(inbound, "mail.bounces.inbound is not set");
    }

    /** The envelope domain, or null when bounces are off. */
    public String envelopeDomain() {
        return domain == null || domain.isBlank() ? null : domain.trim();
    }

    /**
     * @param enabled           whether this replica listens at all (a replica behind a load balancer's SMTP port)
     * @param host              the address it binds to: loopback unless an operator opens it
     * @param port              its port (0: any free one, for tests)
     * @param maxMessageSize    a larger report is refused (552) while it is being sent: a DSN quoting a whole e-mail
     *                          with its PDF stays below it
     * @param connectionTimeout a client silent this long is disconnected
     * @param maxConnections    connections at once; more wait in the listen backlog or are refused
     * @param maxRecipients     recipients per message (a report has one)
     * @param tls               STARTTLS: offered when a certificate is configured
     */
    public record Inbound(boolean enabled, String host, int port, DataSize maxMessageSize,
                          Duration connectionTimeout, int maxConnections, int maxRecipients, Tls tls) {

        public Inbound {
            tls = tls == null ? new Tls(null, false) : tls;
            Objects.requireNonNull(host, "mail.bounces.inbound.host is not set");
            Objects.requireNonNull(maxMessageSize, "mail.bounces.inbound.max-message-size is not set");
            Objects.requireNonNull(connectionTimeout, "mail.bounces.inbound.connection-timeout is not set");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("mail.bounces.inbound.port must be 0-65535");
            }
            if (maxConnections < 1 || maxRecipients < 1 || maxMessageSize.toBytes() < 1024
                    || maxMessageSize.toBytes() > Integer.MAX_VALUE || connectionTimeout.isNegative()
                    || connectionTimeout.isZero()) {
                throw new IllegalArgumentException("mail.bounces.inbound: max-connections and max-recipients must be"
                        + " at least 1, max-message-size at least 1KB, connection-timeout positive");
            }
        }
    }

    /**
     * STARTTLS on the receiver (opportunistic TLS, as mail servers deliver bounces).
     *
     * @param bundle   the Spring Boot SSL bundle ({@code spring.ssl.bundle.pem.<name>} or {@code .jks.<name>}) with the
     *                 receiver's certificate and key; empty: STARTTLS is not offered and reports arrive in plain text
     * @param required refuse MAIL, RCPT and DATA before STARTTLS (530); needs a bundle. Off by default: a server that
     *                 cannot do TLS would otherwise never get its bounce through
     */
    public record Tls(String bundle, boolean required) {

        public Tls {
            bundle = bundle == null || bundle.isBlank() ? null : bundle.trim();
            if (required && bundle == null) {
                throw new IllegalArgumentException("mail.bounces.inbound.tls.required needs"
                        + " mail.bounces.inbound.tls.bundle (BOUNCE_SMTP_TLS_BUNDLE): no certificate, no TLS");
            }
        }

        /** Whether STARTTLS is offered. */
        public boolean enabled() {
            return bundle != null;
        }
    }
}
