package com.invoicedelivery.mail.bounce.messaging;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import com.invoicedelivery.mail.bounce.application.BounceIntake;
import com.invoicedelivery.mail.dispatch.application.BounceProperties;
import com.invoicedelivery.mail.dispatch.domain.BounceAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslOptions;
import org.springframework.context.SmartLifecycle;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.TooMuchDataException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The SMTP receiver of the bounce domain (SubEtha SMTP, ADR 0006): takes mail for addresses of that domain only
 * (anything else 550: it relays nothing), at most {@code max-message-size} bytes (552 past it), from clients that
 * keep talking ({@code connection-timeout}), {@code max-connections} at once. Each message goes to
 * {@link BounceIntake} before the reply to DATA: 250 whatever the report turned out to be (a forger learns
 * nothing), 451 when it could not be recorded (the store away), so the sending server tries again later.
 * With a certificate ({@link StartTls}) it offers STARTTLS, as mail servers expect (opportunistic TLS), and may
 * require it (530 before it).
 */
public class InboundSmtpServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundSmtpServer.class);

    private final BounceIntake intake;
    private final BounceProperties.Inbound settings;
    private final String domain;
    private final StartTls startTls;
    private SMTPServer server;

    /** A receiver that offers no STARTTLS. */
    public InboundSmtpServer(BounceIntake intake, BounceProperties.Inbound settings, String domain) {
        this(intake, settings, domain, null);
    }

    /** @param startTls the certificate's context and whether TLS is required; null: plain only */
    public InboundSmtpServer(BounceIntake intake, BounceProperties.Inbound settings, String domain,
                             StartTls startTls) {
        this.intake = intake;
        this.settings = settings;
        this.domain = domain;
        this.startTls = startTls;
    }

    @Override
    public synchronized void start() {
        InetAddress bind;
        try {
            bind = InetAddress.getByName(settings.host());
        } catch (UnknownHostException e) {
            throw new IllegalStateException("mail.bounces.inbound.host " + settings.host() + " does not resolve", e);
        }
        SMTPServer.Builder builder = SMTPServer.port(settings.port())
                .bindAddress(bind)
                .hostName(domain)
                .softwareName("invoice-delivery bounce receiver")
                .maxMessageSize((int) settings.maxMessageSize().toBytes())
                .maxRecipients(settings.maxRecipients())
                .maxConnections(settings.maxConnections())
                .connectionTimeout((int) settings.connectionTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .messageHandlerFactory(this::handler)
                .serverThreadName("bounce-smtp");
        if (startTls != null) {
            builder.enableTLS(true).requireTLS(startTls.required()).startTlsSocketFactory(startTls::wrap);
        }
        server = builder.build();
        server.start();
        log.info("bounce receiver for {} listening on {}:{}, {}", domain, settings.host(), port(),
                startTls == null ? "plain only (no certificate: STARTTLS not offered)"
                        : startTls.required() ? "STARTTLS required" : "STARTTLS offered");
    }

    /** Whether STARTTLS is offered. */
    public boolean offersTls() {
        return startTls != null;
    }

    /** The port it listens on (the one allocated, when configured as 0). */
    public synchronized int port() {
        return server == null ? -1 : server.getPortAllocated();
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    private MessageHandler handler(MessageContext context) {
        return new ReportHandler();
    }

    /** One message of a session: the recipients of the domain, then the data. */
    private final class ReportHandler implements MessageHandler {

        private final List<String> recipients = new ArrayList<>();

        @Override
        public void from(String from) {
            // reports come from the null sender (<>) or any address: the token, not the sender, tells what it is about
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            if (!BounceAddresses.isInDomain(recipient, domain)) {
                throw new RejectException(550, "5.1.1 <" + recipient + ">: not a bounce address here; nothing is"
                        + " relayed");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            long max = settings.maxMessageSize().toBytes();
            byte[] raw;
            try {
                raw = data.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            } catch (TooMuchDataException e) {
                raw = null;
            }
            if (raw == null || raw.length > max) {
                // a permanent refusal: the sender must not try again with the same message
                throw new RejectException(552, "5.3.4 the report is larger than " + max + " bytes");
            }
            try {
                for (String recipient : recipients) {
                    intake.receive(recipient, raw);
                }
            } catch (RuntimeException e) {
                log.error("a report to {} could not be recorded; the sender is asked to try again", recipients, e);
                throw new RejectException(451, "4.3.0 the report cannot be recorded now; try again later");
            }
            return null;
        }

        @Override
        public void done() {
            // nothing held between messages
        }
    }

    /**
     * STARTTLS: the server's certificate and key (an {@link SSLContext}), the protocols and cipher suites to allow
     * (null: the JDK's defaults), and whether a client must use it.
     */
    public record StartTls(SSLContext context, String[] protocols, String[] ciphers, boolean required) {

        /** With the certificate, key and options of a Spring Boot SSL bundle. */
        public static StartTls of(SslBundle bundle, boolean required) {
            SslOptions options = bundle.getOptions();
            return new StartTls(bundle.createSslContext(), options.getEnabledProtocols(), options.getCiphers(),
                    required);
        }

        /**
         * Turns the accepted connection into the server side of a TLS session. Not SubEtha's own
         * {@code startTlsSocketFactory(SSLContext)}: that enables every protocol and cipher suite the JDK supports
         * (old and weak ones included) and looks up the client's host name in DNS on each STARTTLS.
         */
        SSLSocket wrap(Socket socket) throws IOException {
            SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(socket,
                    socket.getInetAddress().getHostAddress(), socket.getPort(), true);
            tls.setUseClientMode(false);
            if (protocols != null) {
                tls.setEnabledProtocols(protocols);
            }
            if (ciphers != null) {
                tls.setEnabledCipherSuites(ciphers);
            }
            return tls;
        }
    }
}
