package com.invoicedelivery.mail.dispatch.application;

import java.io.IOException;
import java.time.Clock;
import java.util.UUID;

import com.invoicedelivery.kit.messaging.OutboxEntries;
import com.invoicedelivery.kit.metrics.RefreshedGauges;
import com.invoicedelivery.kit.messaging.OutboxRelay;
import com.invoicedelivery.kit.observability.Traces;
import com.invoicedelivery.kit.seal.Opener;
import com.invoicedelivery.kit.security.PemKeys;
import com.invoicedelivery.mail.PlatformDomainProperties;
import com.invoicedelivery.mail.dispatch.persistence.JobStore;
import com.invoicedelivery.mail.dispatch.persistence.StoreClock;
import com.invoicedelivery.mail.emaillog.application.EmailLog;
import com.invoicedelivery.mail.message.application.MessageComposer;
import com.invoicedelivery.mail.message.application.MessageSigning;
import com.invoicedelivery.mail.smtp.application.MailTransport;
import com.invoicedelivery.mail.smtp.application.SmtpProperties;
import com.invoicedelivery.mail.smtp.application.SmtpServerDirectory;
import com.invoicedelivery.mail.smtp.persistence.StoredConnectionSlots;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

@Configuration(proxyBeanMethods = false)
class DispatchConfiguration {

    /**
     * Leases, retry times and connection-slot leases on the document store's clock ({@link StoreClock}): replicas
     * whose own clocks disagree still agree on when a lease ends. Not a {@code Clock} bean, so that everything else
     * keeps the application's clock.
     */
    record DispatchClock(Clock clock) {
    }

    @Bean
    DispatchClock dispatchClock(Clock clock, MongoTemplate mongo) {
        return new DispatchClock(new StoreClock(clock, mongo));
    }

    @Bean
    JobTransitions jobTransitions(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, DispatchClock clock,
                                  MeterRegistry registry, RefreshedGauges gauges, EmailLog emailLog) {
        DispatchMetrics.addQueueGauges(gauges, jobs, clock.clock());
        return new JobTransitions(jobs, outbox, relay, clock.clock(), new DispatchMetrics(registry),
                (job, transition, at) -> emailLog.attempted(AttemptEntries.entry(job, transition),
                        AttemptEntries.attempt(job, transition, at)));
    }

    @Bean
    LeaseRecovery leaseRecovery(JobStore jobs, JobTransitions transitions, DispatchClock clock,
                                DispatchProperties properties, SmtpProperties smtp) {
        properties.requireLeaseOutlasting(smtp.connectTimeout(), smtp.readTimeout(), smtp.writeTimeout());
        return new LeaseRecovery(jobs, transitions, clock.clock());
    }

    @Bean
    JobDelivery jobDelivery(MessageComposer composer, MessageSigning signing, MailTransport transport,
                            SmtpServerDirectory servers, SealedLinks links, EmailLog emailLog,
                            JobTransitions transitions, DispatchProperties properties, DispatchClock clock,
                            PlatformDomainProperties domain, BounceProperties bounces) {
        return new JobDelivery(composer, signing, transport, servers, links, emailLog, transitions,
                properties.retryPolicy(), clock.clock(), domain.platformDomain(), bounces.envelopeDomain());
    }

    /**
     * The connection slots of tenants' servers, shared by the replicas through the store: the cap is the tenant
     * server's, whatever the number of replicas. This replica's leases carry a name new at every start.
     */
    @Bean
    StoredConnectionSlots connectionSlots(MongoTemplate mongo, DispatchProperties properties, SmtpProperties smtp,
                                          DispatchClock clock) {
        String host = System.getenv().getOrDefault("HOSTNAME", "replica");
        return new StoredConnectionSlots(mongo, properties.connectionsPerTenantServer(), smtp.connectionSlotLease(),
                clock.clock(), host + "-" + UUID.randomUUID());
    }

    @Bean
    SealedLinks sealedLinks(LinkSealProperties properties) throws IOException {
        return new SealedLinks(Opener.with(PemKeys.readRsa(properties.privateKey())));
    }

    /** Jobs queued before links were sealed keep them in clear: sealed (or dropped, when finished) at every start. */
    @Bean
    ApplicationRunner clearLinkSealing(JobStore jobs, SealedLinks links) {
        return arguments -> {
            int changed = jobs.sealClearLinks(links::sealClear);
            if (changed > 0) {
                LoggerFactory.getLogger(DispatchConfiguration.class)
                        .info("{} stored job(s) had their link in clear: sealed or dropped", changed);
            }
        };
    }

    @Bean
    DispatchQueue dispatchQueue(JobStore jobs, SmtpServerDirectory servers, DispatchWorkers workers, SealedLinks links,
                                DispatchClock clock, PlatformDomainProperties domain, Traces traces) {
        return new DispatchQueue(jobs, servers, workers, links, clock.clock(), domain.platformDomain())
                .tracing(traces);
    }

    @Bean
    RetryNow retryNow(JobStore jobs, OutboxEntries outbox, OutboxRelay relay, DispatchWorkers workers,
                      DispatchClock clock) {
        return new RetryNow(jobs, outbox, relay, workers, clock.clock());
    }

    @Bean
    DispatchWorkers dispatchWorkers(JobStore jobs, JobDelivery delivery, LeaseRecovery leases,
                                    DispatchProperties properties, DispatchClock clock, Traces traces) {
        return new DispatchWorkers(jobs, delivery, leases, properties, clock.clock()).tracing(traces);
    }
}
