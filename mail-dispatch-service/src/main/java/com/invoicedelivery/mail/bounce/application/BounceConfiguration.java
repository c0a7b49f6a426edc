package com.invoicedelivery.mail.bounce.application;

import java.time.Clock;

import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.mail.dispatch.application.BounceProperties;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Reading the reports that come back to the bounce domain. */
@Configuration(proxyBeanMethods = false)
public class BounceConfiguration {

    @Bean
    ReportReader reportReader() {
        return new ReportReader();
    }

    @Bean
    BounceIntake bounceIntake(ReportReader reader, JobStore jobs, EmailLog emailLog, OutboxEntries outbox,
                              OutboxRelay relay, Clock clock, MeterRegistry registry, BounceProperties properties) {
        return new BounceIntake(reader, jobs, emailLog, outbox, relay, clock, registry, properties.envelopeDomain());
    }
}
