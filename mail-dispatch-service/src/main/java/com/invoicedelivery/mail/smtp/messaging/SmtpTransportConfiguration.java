package com.invoicedelivery.mail.smtp.messaging;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.invoicedelivery.mail.smtp.application.SmtpProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmtpTransportConfiguration {

    private static final long MIN_IDLE_CHECK_MILLIS = 1000;

    @Bean
    NoDelaySocketFactory smtpSocketFactory() {
        return new NoDelaySocketFactory();
    }

    /** Closed by Spring on shutdown (AutoCloseable): kept connections say QUIT, the timer thread stops. */
    @Bean
    JakartaMailTransport mailTransport(SmtpProperties smtp, @Value("${mail.platform-domain}") String platformDomain,
                                       NoDelaySocketFactory sockets, Clock clock) {
        ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "smtp-timers");
            thread.setDaemon(true);
            return thread;
        });
        SmtpSessions sessions = new SmtpSessions(smtp.connectTimeout(), smtp.readTimeout(), smtp.writeTimeout(),
                platformDomain, sockets, timers);
        JakartaMailTransport transport = new JakartaMailTransport(
                new SmtpConnections(sessions, smtp.idleTimeout(), clock), timers);
        long period = Math.max(MIN_IDLE_CHECK_MILLIS, smtp.idleTimeout().toMillis() / 2);
        timers.scheduleWithFixedDelay(transport::closeIdleConnections, period, period, TimeUnit.MILLISECONDS);
        return transport;
    }
}
