package com.invoicedelivery.mail.smtp.messaging;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.mail.PlatformDomainProperties;
import com.invoicedelivery.mail.smtp.application.ConnectionSlots;
import com.invoicedelivery.mail.smtp.application.LoginRefusalGuard;
import com.invoicedelivery.mail.smtp.application.LoginRefusals;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpHostGuard;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.application.SmtpProperties;
import com.invoicedelivery.mail.smtp.application.TenantSmtpProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
class SmtpTransportConfiguration {

    private static final long MIN_IDLE_CHECK_MILLIS = 1000;

    @Bean
    NoDelaySocketFactory smtpSocketFactory() {
        return new NoDelaySocketFactory();
    }

    /**
     * Runs the write timeouts, the idle connection closer and the connection tests' watchdogs. Held in a bean of
     * its own type: a bare ScheduledExecutorService bean would be taken for the application's task scheduler.
     */
    @Bean
    SmtpTimers smtpTimers() {
        return new SmtpTimers(Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smtp-timers");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** The session properties of every SMTP connection, sends and connection tests alike. */
    @Bean
    SmtpSessions smtpSessions(SmtpProperties smtp, PlatformDomainProperties domain,
                              NoDelaySocketFactory sockets, SmtpTimers timers) {
        return new SmtpSessions(smtp.connectTimeout(), smtp.readTimeout(), smtp.writeTimeout(), domain.platformDomain(),
                sockets, timers.executor());
    }

    /** Where tenants' servers may be: checked before every new connection, sends and connection tests alike. */
    @Bean
    SmtpHostGuard smtpHostGuard(TenantSmtpProperties tenantSmtp, SmtpProperties smtp) {
        return new SmtpHostGuard(tenantSmtp.policy(), smtp.platformServer(), SmtpHostGuard.DNS);
    }

    /**
     * Closed by Spring on shutdown (AutoCloseable): kept connections say QUIT and give back their slots, then the
     * timers stop.
     *
     * @param tenantServerSlots the shared connection slots of tenants' servers
     */
    @Bean
    JakartaMailTransport jakartaMailTransport(SmtpProperties smtp, SmtpSessions sessions, SmtpHostGuard hosts,
                                              SmtpTimers timers, Clock clock, ConnectionSlots tenantServerSlots) {
        ScheduledExecutorService smtpTimers = timers.executor();
        JakartaMailTransport transport = new JakartaMailTransport(
                new SmtpConnections(sessions, smtp.idleTimeout(), clock, tenantServerSlots), hosts, smtpTimers);
        long period = Math.max(MIN_IDLE_CHECK_MILLIS, smtp.idleTimeout().toMillis() / 2);
        smtpTimers.scheduleWithFixedDelay(transport::closeIdleConnections, period, period, TimeUnit.MILLISECONDS);
        // three renewals per lease: one late or failed renewal does not lose a slot
        long renewal = Math.max(MIN_IDLE_CHECK_MILLIS, smtp.connectionSlotLease().toMillis() / 3);
        smtpTimers.scheduleWithFixedDelay(transport::renewConnectionSlots, renewal, renewal, TimeUnit.MILLISECONDS);
        return transport;
    }

    /**
     * What the dispatch queue sends through: the transport, with refused logins not tried again for a pause by any
     * replica.
     */
    @Bean
    @Primary
    MailTransport mailTransport(JakartaMailTransport jakartaMailTransport, LoginRefusals refusals,
                                SmtpProperties smtp, Clock clock) {
        return new LoginRefusalGuard(jakartaMailTransport, refusals, smtp.loginRefusedPause(), clock);
    }

    /** The connection test goes through the same transport and session properties as mail. */
    @Bean
    SmtpProbe smtpProbe(SmtpProperties smtp, SmtpSessions sessions, NoDelaySocketFactory sockets,
                        SmtpHostGuard hosts, SmtpTimers timers) {
        return new JakartaMailProbe(sessions, sockets, hosts, smtp.testTimeout(), timers.executor());
    }
}
