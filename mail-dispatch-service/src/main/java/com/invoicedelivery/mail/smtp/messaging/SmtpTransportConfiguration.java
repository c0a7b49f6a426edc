package com.invoicedelivery.mail.smtp.messaging;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import com.invoicedelivery.mail.PlatformDomainProperties;
import com.invoicedelivery.mail.smtp.application.LoginRefusalGuard;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpProbe;
import com.invoicedelivery.mail.smtp.application.SmtpProperties;
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

    /** Closed by Spring on shutdown (AutoCloseable): kept connections say QUIT, then the timers stop. */
    @Bean
    JakartaMailTransport jakartaMailTransport(SmtpProperties smtp,
                                              PlatformDomainProperties domain, NoDelaySocketFactory sockets, SmtpTimers timers, Clock clock) {
        ScheduledExecutorService smtpTimers = timers.executor();
        SmtpSessions sessions = new SmtpSessions(smtp.connectTimeout(), smtp.readTimeout(), smtp.writeTimeout(),
                domain.platformDomain(), sockets, smtpTimers);
        JakartaMailTransport transport = new JakartaMailTransport(
                new SmtpConnections(sessions, smtp.idleTimeout(), clock), smtpTimers);
        long period = Math.max(MIN_IDLE_CHECK_MILLIS, smtp.idleTimeout().toMillis() / 2);
        smtpTimers.scheduleWithFixedDelay(transport::closeIdleConnections, period, period, TimeUnit.MILLISECONDS);
        return transport;
    }

    /** What the dispatch queue sends through: the transport, with refused logins not tried again for a pause. */
    @Bean
    @Primary
    MailTransport mailTransport(JakartaMailTransport jakartaMailTransport, SmtpProperties smtp, Clock clock) {
        return new LoginRefusalGuard(jakartaMailTransport, smtp.loginRefusedPause(), clock);
    }

    @Bean
    SmtpProbe smtpProbe(SmtpProperties smtp, PlatformDomainProperties domain, SmtpTimers timers) {
        return new SocketSmtpProbe(smtp.connectTimeout(), smtp.readTimeout(), smtp.testTimeout(), domain.platformDomain(),
                (SSLSocketFactory) SSLSocketFactory.getDefault(), timers.executor());
    }
}
