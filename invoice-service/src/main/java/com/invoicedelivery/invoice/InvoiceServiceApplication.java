package com.invoicedelivery.invoice;

import java.time.Clock;

import com.invoicedelivery.kit.config.PlatformClock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * invoice-service: tenants, clients, invoices and sends. The REST API the web UI calls to send invoices and
 * follow them, and the consumer of every status event the other services publish about a send.
 */
@SpringBootApplication
public class InvoiceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(InvoiceServiceApplication.class, args);
    }

    /** The system's clock, shifted only in the fault suite's clock-skew scenario (platform.clock.offset). */
    @Bean
    Clock clock(Environment environment) {
        return PlatformClock.of(environment);
    }
}
