package com.invoicedelivery.mail.dispatch.application;

import java.time.Clock;

import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.mail.PlatformDomainProperties;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.MessageSigning;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    @Bean
    JobTransitions jobTransitions(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, Clock clock) {
        return new JobTransitions(jobs, outbox, relay, clock);
    }

    @Bean
    LeaseRecovery leaseRecovery(JobStore jobs, JobTransitions transitions, Clock clock) {
        return new LeaseRecovery(jobs, transitions, clock);
    }

    @Bean
    JobDelivery jobDelivery(MessageComposer composer, MessageSigning signing, MailTransport transport,
                            SmtpServerDirectory servers, EmailLog emailLog, JobTransitions transitions,
                            DispatchProperties properties, Clock clock,
                            PlatformDomainProperties domain) {
        return new JobDelivery(composer, signing, transport, servers, emailLog, transitions, properties.retryPolicy(),
                clock, domain.platformDomain());
    }

    @Bean
    DispatchQueue dispatchQueue(JobStore jobs, SmtpServerDirectory servers, DispatchWorkers workers, Clock clock,
                                PlatformDomainProperties domain) {
        return new DispatchQueue(jobs, servers, workers, clock, domain.platformDomain());
    }

    @Bean
    DispatchWorkers dispatchWorkers(JobStore jobs, JobDelivery delivery, LeaseRecovery leases,
                                    DispatchProperties properties, Clock clock) {
        return new DispatchWorkers(jobs, delivery, leases, properties, clock);
    }
}
